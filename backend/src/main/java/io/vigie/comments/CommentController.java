package io.vigie.comments;

import io.vigie.spaces.Members;
import io.vigie.web.ApiProblems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

import java.util.List;
import java.util.UUID;

@RestController
class CommentController {

    record Write(@NotNull(message = "must not be empty") String body, UUID parentId) {}

    record Vote(@NotNull(message = "must be 1 or -1") Integer value) {}

    private final Members members;
    private final CommentService service;

    CommentController(Members members, CommentService service) {
        this.members = members;
        this.service = service;
    }

    @GetMapping("/api/posts/{postId}/comments")
    Mono<List<CommentView>> thread(@AuthenticationPrincipal Jwt token, @PathVariable UUID postId) {
        return members.reader(token).flatMap(reader -> service.thread(reader, postId));
    }

    @PostMapping("/api/posts/{postId}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<CommentView> create(@AuthenticationPrincipal Jwt token, @PathVariable UUID postId, @Valid @RequestBody Write request) {
        return members.signIn(token).flatMap(reader -> service.create(reader, postId, request.parentId(), request.body()));
    }

    @PutMapping("/api/comments/{id}")
    Mono<CommentView> edit(@AuthenticationPrincipal Jwt token, @PathVariable UUID id, @Valid @RequestBody Write request) {
        return members.signIn(token).flatMap(reader -> service.edit(reader, id, request.body()));
    }

    @DeleteMapping("/api/comments/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return members.signIn(token).flatMap(reader -> service.delete(reader, id));
    }

    @PutMapping("/api/comments/{id}/vote")
    Mono<CommentView> vote(@AuthenticationPrincipal Jwt token, @PathVariable UUID id, @Valid @RequestBody Vote request) {
        if (request.value() != 1 && request.value() != -1) {
            return Mono.error(ApiProblems.invalid("value", "must be 1 or -1; remove a vote with DELETE"));
        }
        return members.signIn(token).flatMap(reader -> service.vote(reader, id, request.value()));
    }

    @DeleteMapping("/api/comments/{id}/vote")
    Mono<CommentView> unvote(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return members.signIn(token).flatMap(reader -> service.vote(reader, id, 0));
    }
}
