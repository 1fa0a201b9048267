package io.vigie.ideas;

import io.vigie.live.LiveEvent;
import io.vigie.live.LiveEvents;
import io.vigie.notifications.Notifier;
import io.vigie.posts.Post;
import io.vigie.posts.PostService;
import io.vigie.posts.PostView;
import io.vigie.spaces.Reader;
import io.vigie.web.ApiProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The idea box and challenges: an idea's lifecycle, the jury's private scoring, and the close
 * that ranks a challenge's ideas, selects the winners and announces them in the feed.
 */
@Service
public class IdeaService {

    private static final Logger log = LoggerFactory.getLogger(IdeaService.class);

    private final Ideas ideas;
    private final Challenges challenges;
    private final PostService posts;
    private final Notifier notifier;
    private final LiveEvents live;
    private final TransactionalOperator transaction;

    IdeaService(Ideas ideas, Challenges challenges, PostService posts, Notifier notifier, LiveEvents live,
                TransactionalOperator transaction) {
        this.ideas = ideas;
        this.challenges = challenges;
        this.posts = posts;
        this.notifier = notifier;
        this.live = live;
        this.transaction = transaction;
    }

    /** An idea the reader may read; 404 for anything else (a post that is no idea included). */
    private Mono<Post> visibleIdea(Reader reader, UUID id) {
        return posts.visiblePost(reader, id)
                .filter(post -> Post.IDEA.equals(post.kind()))
                .switchIfEmpty(Mono.error(() -> ApiProblems.notFound("This idea")));
    }

    /** Moves an idea along its lifecycle: reviewers only; the author and followers hear of it. */
    Mono<PostView> move(Reader reader, UUID id, String status, String reason) {
        return visibleIdea(reader, id)
                .then(transaction.transactional(ideas.lock(id)
                        .flatMap(current -> {
                            if (!Ideas.mayReview(reader, current.spaceId(), current.sponsorId())) {
                                return Mono.error(ApiProblems.forbidden(
                                        "Only moderators, the space's owners and the challenge's sponsor move an idea along."));
                            }
                            String checkedReason = Ideas.checkMove(current.status(), status, reason);
                            return ideas.move(id, status, checkedReason, reader.personId())
                                    .then(notifier.ideaMoved(reader.personId(), id, status))
                                    .then(live.postChanged(LiveEvent.UPDATED, id));
                        })))
                .then(posts.view(reader, id));
    }

    Mono<Void> follow(Reader reader, UUID id, boolean following) {
        return visibleIdea(reader, id).then(following ? ideas.follow(id, reader.personId()) : ideas.unfollow(id, reader.personId()));
    }

    Flux<Ideas.Event> history(Reader reader, UUID id) {
        return visibleIdea(reader, id).thenMany(ideas.history(id));
    }

    Flux<Ideas.Summary> list(Reader reader, String status, UUID spaceId, UUID challengeId, boolean newest, int limit, int offset) {
        if (status != null && !Ideas.NEXT.containsKey(status)) {
            return Flux.error(ApiProblems.invalid("status", "must be one of submitted, under_review, selected, in_progress, done, declined"));
        }
        return ideas.list(reader, status, spaceId, challengeId, newest, limit, offset);
    }

    Flux<Challenges.Summary> challenges(Reader reader, boolean closed) {
        return challenges.list(reader, closed, 100);
    }

    /** A challenge the reader may read; 404 otherwise. */
    private Mono<Challenges.State> visibleChallenge(Reader reader, UUID id) {
        return challenges.state(reader, id).switchIfEmpty(Mono.error(() -> ApiProblems.notFound("This challenge")));
    }

    /**
     * A challenge as one reader sees it: its post, its ideas with their votes, and after close the
     * ranking. The totals (made of jury scores) only for the jury and the sponsor.
     */
    Mono<ChallengeDetail> detail(Reader reader, UUID id) {
        return visibleChallenge(reader, id).flatMap(state -> {
            boolean insider = state.juror() || state.sponsoredBy(reader.personId());
            return Mono.zip(posts.view(reader, id),
                            ideas.list(reader, null, null, id, false, 500, 0).collectList(),
                            challenges.ranking(id).map(ranked -> new ChallengeDetail.Place(ranked.rank(), ranked.ideaId(), ranked.title(),
                                    ranked.author(), ranked.winner(), insider ? ranked.total() : null)).collectList())
                    .map(parts -> new ChallengeDetail(parts.getT1(), parts.getT2(), parts.getT3(),
                            state.sponsoredBy(reader.personId()) || reader.moderator()));
        });
    }

    /**
     * The jury's scores: while the challenge is open a juror sees only their own (each scores
     * privately), the sponsor every juror's; after close the whole jury sees them all. Nobody
     * else, moderators and admins included.
     */
    Mono<JuryScores> scores(Reader reader, UUID id) {
        return visibleChallenge(reader, id).flatMap(state -> {
            boolean sponsor = state.sponsoredBy(reader.personId());
            if (!sponsor && !state.juror()) {
                return Mono.error(ApiProblems.forbidden("Only the jury and the sponsor see the jury's scores."));
            }
            UUID only = sponsor || state.closed() ? null : reader.personId();
            return Mono.zip(challenges.criteria(id).collectList(), challenges.scores(id, only).collectList())
                    .map(parts -> new JuryScores(parts.getT1(), parts.getT2()));
        });
    }

    /** A juror scores one idea on the criteria given (0 to 10 each), while the challenge is open. */
    Mono<Void> score(Reader reader, UUID id, UUID ideaId, Map<UUID, Integer> scores) {
        if (scores == null || scores.isEmpty()) {
            return Mono.error(ApiProblems.invalid("scores", "give at least one criterion a score"));
        }
        if (scores.values().stream().anyMatch(score -> score == null || score < 0 || score > 10)) {
            return Mono.error(ApiProblems.invalid("scores", "each score must be between 0 and 10"));
        }
        return visibleChallenge(reader, id).flatMap(state -> {
            if (!state.juror()) {
                return Mono.error(ApiProblems.forbidden("Only the jury scores the ideas of a challenge."));
            }
            if (state.closed()) {
                return Mono.error(ApiProblems.conflict("This challenge is closed: its scores are final."));
            }
            return challenges.criteria(id).map(ChallengeView.Criterion::id).collect(Collectors.toSet())
                    .flatMap(criteria -> scores.keySet().stream().allMatch(criteria::contains)
                            ? challenges.ideaAuthor(id, ideaId)
                            : Mono.error(ApiProblems.invalid("scores", "names a criterion this challenge does not have")))
                    .switchIfEmpty(Mono.error(() -> ApiProblems.notFound("This idea of the challenge")))
                    .flatMap(author -> author.equals(reader.personId())
                            ? Mono.error(ApiProblems.forbidden("A juror does not score their own idea."))
                            : challenges.score(id, ideaId, reader.personId(), scores));
        });
    }

    /** The sponsor (or a moderator) closes the challenge before its deadline. */
    Mono<ChallengeDetail> closeNow(Reader reader, UUID id) {
        return visibleChallenge(reader, id).flatMap(state -> {
            if (!state.sponsoredBy(reader.personId()) && !reader.moderator()) {
                return Mono.error(ApiProblems.forbidden("Only the sponsor or a moderator closes a challenge."));
            }
            return close(id).flatMap(closed -> closed ? detail(reader, id)
                    : Mono.error(ApiProblems.conflict("This challenge is already closed.")));
        });
    }

    /**
     * Closes a challenge once, whichever instance gets there first: ranks its ideas, selects the
     * winners (their authors and followers hear of it) and announces them in the challenge's space
     * as its sponsor. False when it was already closed.
     */
    Mono<Boolean> close(UUID id) {
        return transaction.transactional(challenges.markClosed(id)
                        .flatMap(closing -> challenges.rank(id, closing.winners()).collectList()
                                .flatMap(ranking -> {
                                    List<Challenges.Ranked> winners = ranking.stream().filter(Challenges.Ranked::winner).toList();
                                    Mono<Void> selected = Flux.fromIterable(winners)
                                            .concatMap(winner -> ideas.selectWinner(winner.ideaId())
                                                    .flatMap(moved -> moved ? notifier.ideaMoved(null, winner.ideaId(), "selected")
                                                            .then(live.postChanged(LiveEvent.UPDATED, winner.ideaId())) : Mono.<Void>empty()))
                                            .then();
                                    Mono<Void> announced = winners.isEmpty() ? Mono.empty()
                                            : posts.announce(closing.sponsorId(), closing.spaceId(), announcement(closing.title(), winners))
                                                    .flatMap(post -> challenges.announced(id, post));
                                    return selected.then(announced).then(live.postChanged(LiveEvent.UPDATED, id)).thenReturn(true);
                                })))
                .defaultIfEmpty(false)
                .doOnNext(closed -> {
                    if (closed) {
                        log.info("challenge {} closed", id);
                    }
                });
    }

    /** Closes every challenge past its deadline; how many this instance closed. */
    Mono<Long> closeDue() {
        return challenges.due().concatMap(this::close).filter(Boolean::booleanValue).count();
    }

    /** The winners' post: a trophy, the challenge's title, then each winner, linked, with its author. */
    static String announcement(String title, List<Challenges.Ranked> winners) {
        StringBuilder text = new StringBuilder("🏆 **").append(markdownText(title)).append("**\n\n");
        for (Challenges.Ranked winner : winners) {
            text.append(winner.rank()).append(". [").append(markdownText(winner.title())).append("](/posts/").append(winner.ideaId())
                    .append(") — ").append(markdownText(winner.author().name())).append('\n');
        }
        return text.toString();
    }

    /** Text as Markdown reads it literally: every punctuation mark escaped, so a title cannot make a link or a heading. */
    static String markdownText(String text) {
        return text.replaceAll("\\s+", " ").replaceAll("([\\\\`*_{}\\[\\]()<>#+\\-.!|~@:&])", "\\\\$1");
    }
}
