package io.vigie.posts;

import io.vigie.content.TextRendering;
import io.vigie.content.UserText;
import io.vigie.spaces.Members;
import io.vigie.web.ApiProblems;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.UUID;

@RestController
class PostController {

    private final Members members;
    private final PostService service;
    private final TextRendering rendering;

    PostController(Members members, PostService service, TextRendering rendering) {
        this.members = members;
        this.service = service;
        this.rendering = rendering;
    }

    @PostMapping("/api/spaces/{spaceId}/posts")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<PostView> create(@AuthenticationPrincipal Jwt token, @PathVariable UUID spaceId,
                          @Valid @RequestBody PostRequests.Create request) {
        return members.signIn(token).flatMap(reader -> service.create(reader, spaceId, request));
    }

    /**
     * What a post would look like, rendered and sanitised exactly as publishing would, without
     * storing anything: the composer's preview. Same limits and field errors as a post.
     */
    @PostMapping("/api/preview")
    Mono<UserText.Rendered> preview(@Valid @RequestBody PostRequests.Write request) {
        return rendering.post("body", request.body());
    }

    /** Authoritative read from PostgreSQL: right after a write, before search has caught up. */
    @GetMapping("/api/posts/{id}")
    Mono<PostView> post(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return members.reader(token).flatMap(reader -> service.view(reader, id));
    }

    @PutMapping("/api/posts/{id}")
    Mono<PostView> edit(@AuthenticationPrincipal Jwt token, @PathVariable UUID id, @Valid @RequestBody PostRequests.Write request) {
        return members.signIn(token).flatMap(reader -> service.edit(reader, id, request.body()));
    }

    @DeleteMapping("/api/posts/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return members.signIn(token).flatMap(reader -> service.delete(reader, id));
    }

    @PutMapping("/api/posts/{id}/pin")
    Mono<PostView> pin(@AuthenticationPrincipal Jwt token, @PathVariable UUID id, @RequestBody PostRequests.Pin request) {
        return members.signIn(token).flatMap(reader -> service.pin(reader, id, request.pinned()));
    }

    /** Idempotent: putting the same vote twice leaves one vote. */
    @PutMapping("/api/posts/{id}/vote")
    Mono<PostRequests.VoteResult> vote(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
                                       @Valid @RequestBody PostRequests.Vote request) {
        if (request.value() != 1 && request.value() != -1) {
            return Mono.error(ApiProblems.invalid("value", "must be 1 or -1; remove a vote with DELETE"));
        }
        return members.signIn(token).flatMap(reader -> service.vote(reader, id, request.value()));
    }

    /** The asker (or an owner) accepts one answer of a question; {@code commentId} null takes it back. */
    @PutMapping("/api/posts/{id}/accepted-answer")
    Mono<PostView> accept(@AuthenticationPrincipal Jwt token, @PathVariable UUID id, @RequestBody PostRequests.Accept request) {
        return members.signIn(token).flatMap(reader -> service.accept(reader, id, request.commentId()));
    }

    @DeleteMapping("/api/posts/{id}/accepted-answer")
    Mono<PostView> unaccept(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return members.signIn(token).flatMap(reader -> service.accept(reader, id, null));
    }

    @DeleteMapping("/api/posts/{id}/vote")
    Mono<PostRequests.VoteResult> unvote(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return members.signIn(token).flatMap(reader -> service.vote(reader, id, 0));
    }
}
