package io.vigie.polls;

import io.vigie.live.LiveEvent;
import io.vigie.live.LiveEvents;
import io.vigie.posts.Post;
import io.vigie.posts.PostService;
import io.vigie.spaces.Members;
import io.vigie.spaces.Reader;
import io.vigie.web.ApiProblems;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.UUID;

/**
 * Ballots on a post's poll. Whoever may read the post may vote (as with votes on posts); the
 * post's author, the space's owners and moderators may close it early.
 */
@RestController
class PollController {

    record Ballot(List<Integer> choices) {}

    private final Members members;
    private final PostService posts;
    private final Polls polls;
    private final LiveEvents live;
    private final TransactionalOperator transaction;

    PollController(Members members, PostService posts, Polls polls, LiveEvents live, TransactionalOperator transaction) {
        this.members = members;
        this.posts = posts;
        this.polls = polls;
        this.live = live;
        this.transaction = transaction;
    }

    /** Casts or changes the reader's ballot; the answer shows the results. */
    @PutMapping("/api/posts/{id}/poll/ballot")
    Mono<PollView> vote(@AuthenticationPrincipal Jwt token, @PathVariable UUID id, @RequestBody Ballot ballot) {
        return act(token, id, (reader, post) -> polls.vote(reader.personId(), id, ballot.choices()));
    }

    @DeleteMapping("/api/posts/{id}/poll/ballot")
    Mono<PollView> withdraw(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return act(token, id, (reader, post) -> polls.withdraw(reader.personId(), id));
    }

    @PostMapping("/api/posts/{id}/poll/close")
    Mono<PollView> close(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return act(token, id, (reader, post) -> post.authorId().equals(reader.personId()) || reader.owns(post.spaceId()) || reader.moderator()
                ? polls.close(id)
                : Mono.error(ApiProblems.forbidden("Only the author, the space's owners or a moderator can close a poll.")));
    }

    /** Who chose what; never for an anonymous poll, and only once the reader may see the results. */
    @GetMapping("/api/posts/{id}/poll/voters")
    Mono<PollView.Voters> voters(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return members.reader(token).flatMap(reader -> posts.visiblePost(reader, id).then(polls.voters(reader.personId(), id)));
    }

    private interface Change {
        Mono<Void> apply(Reader reader, Post post);
    }

    /** Checks the reader may see the post, changes the poll and tells live streams in one transaction, then reads it back. */
    private Mono<PollView> act(Jwt token, UUID id, Change change) {
        return members.signIn(token).flatMap(reader -> posts.visiblePost(reader, id)
                .flatMap(post -> transaction.transactional(change.apply(reader, post).then(live.postChanged(LiveEvent.UPDATED, id))))
                .then(polls.forPost(reader.personId(), id)));
    }
}
