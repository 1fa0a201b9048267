package io.vigie.articles;

import io.vigie.spaces.Members;
import io.vigie.posts.PostView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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
    private final RelatedArticles related;

    ArticleController(Members members, ArticleService articles, RelatedArticles related) {
        this.members = members;
        this.articles = articles;
        this.related = related;
    }

    /** Articles like this one, among those the caller may see; 404 if they may not see this one. */
    @GetMapping("/api/articles/{id}/related")
    Mono<List<PostView.ArticleCard>> related(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return members.reader(token).flatMap(reader -> articles.article(reader, id).flatMap(article -> related.of(reader, article)));
    }

    /** Shares a link into a space; the same article shared again elsewhere adds a share, never a second article. */
    @PostMapping("/api/spaces/{spaceId}/shares")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ArticleViews.Article> share(@AuthenticationPrincipal Jwt token, @PathVariable UUID spaceId,
                                     @Valid @RequestBody ShareRequest request) {
        return members.signIn(token).flatMap(reader -> articles.share(reader, spaceId, request.url(), request.comment(), request.tags()));
    }

    /** The latest shares in a space, each a post carrying its article. */
    @GetMapping("/api/spaces/{spaceId}/shares")
    Flux<PostView> shares(@AuthenticationPrincipal Jwt token, @PathVariable UUID spaceId,
                                    @RequestParam(defaultValue = "20") int size) {
        return members.reader(token).flatMapMany(reader -> articles.sharesIn(reader, spaceId, size));
    }

    /** An article with the shares the caller may see; 404 if they may see none. */
    @GetMapping("/api/articles/{id}")
    Mono<ArticleViews.Article> article(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return members.reader(token).flatMap(reader -> articles.article(reader, id));
    }
}
