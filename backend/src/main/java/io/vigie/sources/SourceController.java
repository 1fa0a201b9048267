package io.vigie.sources;

import io.vigie.spaces.Members;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
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
class SourceController {

    record AddSource(@NotBlank @Size(max = 2048) String url) {}

    record Promote(@Size(max = 5000) String comment, List<String> tags) {}

    private final Members members;
    private final SourceService sources;

    SourceController(Members members, SourceService sources) {
        this.members = members;
        this.sources = sources;
    }

    @GetMapping("/api/spaces/{spaceId}/sources")
    Flux<SourceViews.Source> list(@AuthenticationPrincipal Jwt token, @PathVariable UUID spaceId) {
        return members.reader(token).flatMapMany(reader -> sources.list(reader, spaceId));
    }

    /** Owners: follow an RSS or Atom feed; it is read once at once, and refused with a reason if it cannot be. */
    @PostMapping("/api/spaces/{spaceId}/sources")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<SourceViews.Source> add(@AuthenticationPrincipal Jwt token, @PathVariable UUID spaceId, @Valid @RequestBody AddSource request) {
        return members.signIn(token).flatMap(reader -> sources.add(reader, spaceId, request.url().strip()));
    }

    @DeleteMapping("/api/sources/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> remove(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return members.reader(token).flatMap(reader -> sources.remove(reader, id));
    }

    /** Owners: read the feed now. */
    @PostMapping("/api/sources/{id}/poll")
    Mono<SourceViews.Source> poll(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return members.reader(token).flatMap(reader -> sources.pollNow(reader, id));
    }

    @GetMapping("/api/spaces/{spaceId}/inbox")
    Flux<SourceViews.Item> inbox(@AuthenticationPrincipal Jwt token, @PathVariable UUID spaceId,
                                 @RequestParam(defaultValue = "new") String status, @RequestParam(defaultValue = "50") int size) {
        return members.reader(token).flatMapMany(reader -> sources.inbox(reader, spaceId, status, size));
    }

    /** Members: the item becomes your share in the space, with an optional comment and themes. */
    @PostMapping("/api/inbox/{itemId}/promote")
    Mono<SourceViews.Item> promote(@AuthenticationPrincipal Jwt token, @PathVariable UUID itemId, @Valid @RequestBody Promote request) {
        return members.signIn(token).flatMap(reader -> sources.promote(reader, itemId, request.comment(), request.tags()));
    }

    @PostMapping("/api/inbox/{itemId}/dismiss")
    Mono<SourceViews.Item> dismiss(@AuthenticationPrincipal Jwt token, @PathVariable UUID itemId) {
        return members.reader(token).flatMap(reader -> sources.dismiss(reader, itemId));
    }
}
