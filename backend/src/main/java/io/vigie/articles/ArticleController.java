package io.vigie.articles;

import io.vigie.spaces.Members;
import io.vigie.web.ApiProblems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.UUID;

@RestController
class ArticleController {

    record ShareRequest(@NotBlank @Size(max = 2048) String url, @Size(max = 5000) String comment, List<String> tags) {}

    private final Members members;
    private final ArticleService articles;

    ArticleController(Members members, ArticleService articles) {
        this.members = members;
        this.articles = articles;
    }

    /** Shares a link into a space; the same article shared again elsewhere adds a share, never a second article. */
    @PostMapping("/api/spaces/{spaceId}/shares")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ArticleViews.Article> share(@AuthenticationPrincipal Jwt token, @PathVariable UUID spaceId,
                                     @Valid @RequestBody ShareRequest request) {
        return members.signIn(token).flatMap(reader -> articles.share(reader, spaceId, request.url(), request.comment(), request.tags()));
    }

    @GetMapping("/api/spaces/{spaceId}/shares")
    Flux<ArticleViews.Share> shares(@AuthenticationPrincipal Jwt token, @PathVariable UUID spaceId,
                                    @RequestParam(defaultValue = "20") int size) {
        return members.reader(token).flatMapMany(reader -> articles.sharesIn(reader, spaceId, size));
    }

    record Vote(@NotNull(message = "must be 1 or -1") Integer value) {}

    @PutMapping("/api/articles/{id}/vote")
    Mono<ArticleViews.Article> vote(@AuthenticationPrincipal Jwt token, @PathVariable UUID id, @Valid @RequestBody Vote request) {
        if (request.value() != 1 && request.value() != -1) {
            return Mono.error(ApiProblems.invalid("value", "must be 1 or -1; remove a vote with DELETE"));
        }
        return members.signIn(token).flatMap(reader -> articles.vote(reader, id, request.value()));
    }

    @DeleteMapping("/api/articles/{id}/vote")
    Mono<ArticleViews.Article> unvote(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return members.signIn(token).flatMap(reader -> articles.vote(reader, id, 0));
    }

    /** An article with the shares the caller may see; 404 if they may see none. */
    @GetMapping("/api/articles/{id}")
    Mono<ArticleViews.Article> article(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return members.reader(token).flatMap(reader -> articles.article(reader, id));
    }
}
