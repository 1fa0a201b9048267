package io.vigie.comments;

import io.vigie.content.TextRendering;
import io.vigie.content.UserText;
import io.vigie.indexing.Outbox;
import io.vigie.live.LiveEvent;
import io.vigie.live.LiveEvents;
import io.vigie.notifications.Notifier;
import io.vigie.votes.Votes;
import io.vigie.posts.Post;
import io.vigie.posts.PostService;
import io.vigie.spaces.Reader;
import io.vigie.moderation.BannedWords;
import io.vigie.web.ApiProblems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Comments on posts, one level of replies. Whoever may read a post may comment on it; the
 * post's comment count is recounted in the same transaction and reindexed through the outbox.
 */
@Service
class CommentService {

    private final CommentRepository comments;
    private final PostService posts;
    private final TextRendering rendering;
    private final Outbox outbox;
    private final LiveEvents live;
    private final Notifier notifier;
    private final Votes votes;
    private final TransactionalOperator transaction;
    private final BannedWords bannedWords;

    CommentService(CommentRepository comments, PostService posts, TextRendering rendering, Outbox outbox,
                   LiveEvents live, Notifier notifier, Votes votes, TransactionalOperator transaction, BannedWords bannedWords) {
        this.bannedWords = bannedWords;
        this.comments = comments;
        this.posts = posts;
        this.rendering = rendering;
        this.outbox = outbox;
        this.live = live;
        this.notifier = notifier;
        this.votes = votes;
        this.transaction = transaction;
    }

    /**
     * The thread of a post: top-level comments oldest first, each with its replies; on a question,
     * the accepted answer comes first.
     */
    Mono<List<CommentView>> thread(Reader reader, UUID postId) {
        return posts.visiblePost(reader, postId)
                .flatMap(post -> comments.ofPost(postId, reader.personId()).collectList()
                        .map(rows -> acceptedFirst(nest(rows), post.acceptedCommentId())));
    }

    private static List<CommentView> acceptedFirst(List<CommentView> thread, UUID accepted) {
        if (accepted == null) {
            return thread;
        }
        List<CommentView> ordered = new ArrayList<>(thread.size());
        thread.stream().filter(comment -> comment.id().equals(accepted)).map(CommentView::asAccepted).forEach(ordered::add);
        thread.stream().filter(comment -> !comment.id().equals(accepted)).forEach(ordered::add);
        return ordered;
    }

    /** A reply to a reply joins its parent's thread: one level of replies, as people expect. */
    Mono<CommentView> create(Reader reader, UUID postId, UUID parentId, String markdown) {
        UUID id = UUID.randomUUID();
        return posts.visiblePost(reader, postId)
                .filter(post -> !post.locked())
                .switchIfEmpty(Mono.error(() -> ApiProblems.conflict("A moderator locked this discussion.")))
                .flatMap(post -> topLevelParent(reader, post, parentId))
                .zipWith(rendering.comment("body", markdown))
                .zipWith(bannedWords.firstIn(markdown))
                .flatMap(checked -> {
                    var parentAndText = checked.getT1();
                    UUID parent = parentAndText.getT1().orElse(null);
                    UserText.Rendered rendered = parentAndText.getT2();
                    if (checked.getT2().isPresent()) {
                        String word = checked.getT2().get();
                        // Stored hidden and reported by Vigie: no index, no notification, until a moderator decides.
                        return transaction.transactional(
                                        comments.insert(id, postId, parent, reader.personId(), markdown, rendered.html(), rendered.mentions())
                                                .then(comments.hide(id))
                                                .then(bannedWords.hold("comment", id, reader.personId(), word)))
                                .then(Mono.error(() -> ApiProblems.held("Your comment waits for a moderator: it contains \"" + word
                                        + "\", a word on the banned list.")));
                    }
                    return transaction.transactional(
                            comments.insert(id, postId, parent, reader.personId(), markdown, rendered.html(), rendered.mentions())
                                    .then(outbox.changed(Outbox.EntityType.COMMENT, id))
                                    .then(postChanged(postId))
                                    .then(notifier.commented(reader.personId(), postId, id, parent))
                                    .then(notifier.mentioned(reader.personId(), rendered.mentions(), postId, id)));
                })
                .then(view(reader, id));
    }

    Mono<CommentView> edit(Reader reader, UUID id, String markdown) {
        return visibleComment(reader, id)
                .filter(comment -> comment.authorId().equals(reader.personId()))
                .switchIfEmpty(Mono.error(() -> ApiProblems.forbidden("Only the author can edit a comment.")))
                .zipWith(rendering.comment("body", markdown))
                .zipWith(bannedWords.firstIn(markdown))
                .flatMap(checked -> {
                    UserText.Rendered rendered = checked.getT1().getT2();
                    Mono<Void> update = comments.updateBody(id, markdown, rendered.html(), rendered.mentions())
                            .then(outbox.changed(Outbox.EntityType.COMMENT, id));
                    if (checked.getT2().isEmpty()) {
                        return transaction.transactional(update);
                    }
                    // An edit that brings a banned word in takes the comment off every read path until a moderator decides.
                    String word = checked.getT2().get();
                    return transaction.transactional(update.then(comments.hide(id))
                                    .then(bannedWords.hold("comment", id, reader.personId(), word)))
                            .then(Mono.error(() -> ApiProblems.held("Your comment waits for a moderator: it now contains \"" + word
                                    + "\", a word on the banned list.")));
                })
                .then(view(reader, id));
    }

    Mono<Void> delete(Reader reader, UUID id) {
        return visibleComment(reader, id)
                .flatMap(comment -> posts.visiblePost(reader, comment.postId()).map(post -> Map.entry(comment, post)))
                .filter(both -> both.getKey().authorId().equals(reader.personId()) || reader.owns(both.getValue().spaceId())
                        || reader.moderator())
                .switchIfEmpty(Mono.error(() -> ApiProblems.forbidden("Only the author, the space's owners or a moderator can delete a comment.")))
                .flatMap(both -> transaction.transactional(comments.softDelete(id)
                        .then(outbox.changed(Outbox.EntityType.COMMENT, id))
                        .then(postChanged(both.getKey().postId()))));
    }

    /** Sets (1, -1) or removes (0) the reader's vote; the comment's row is locked so votes count one by one. */
    Mono<CommentView> vote(Reader reader, UUID id, int value) {
        return visibleComment(reader, id)
                .filter(comment -> comment.deletedAt() == null)
                .switchIfEmpty(Mono.error(() -> ApiProblems.notFound("This comment")))
                .flatMap(comment -> transaction.transactional(votes.lock(Votes.Target.COMMENT, id)
                        .then(votes.set(Votes.Target.COMMENT, id, reader.personId(), value))
                        .then(votes.recount(Votes.Target.COMMENT, id))
                        .then(outbox.changed(Outbox.EntityType.COMMENT, id))))
                .then(view(reader, id));
    }

    /** The post's comment count changed: recount, reindex, and tell live streams. */
    private Mono<Void> postChanged(UUID postId) {
        return comments.recountOnPost(postId)
                .then(outbox.changed(Outbox.EntityType.POST, postId))
                .then(live.postChanged(LiveEvent.UPDATED, postId));
    }

    private Mono<java.util.Optional<UUID>> topLevelParent(Reader reader, Post post, UUID parentId) {
        if (parentId == null) {
            return Mono.just(java.util.Optional.empty());
        }
        return comments.find(parentId, reader.personId())
                .filter(parent -> parent.postId().equals(post.id()))
                .switchIfEmpty(Mono.error(() -> ApiProblems.invalid("parentId", "is not a comment of this post")))
                .map(parent -> java.util.Optional.of(parent.parentId() != null ? parent.parentId() : parent.id()));
    }

    /** A comment on a post the reader may see; 404 otherwise. */
    private Mono<CommentRepository.Row> visibleComment(Reader reader, UUID id) {
        return comments.find(id, reader.personId())
                .filterWhen(comment -> posts.visiblePost(reader, comment.postId()).hasElement().onErrorReturn(false))
                .switchIfEmpty(Mono.error(() -> ApiProblems.notFound("This comment")));
    }

    private Mono<CommentView> view(Reader reader, UUID id) {
        return visibleComment(reader, id).map(row -> row.view(List.of()));
    }

    /** Replies under their parent; a deleted comment with no live replies disappears. */
    private static List<CommentView> nest(List<CommentRepository.Row> rows) {
        Map<UUID, List<CommentView>> replies = new LinkedHashMap<>();
        for (CommentRepository.Row row : rows) {
            if (row.parentId() != null && row.deletedAt() == null) {
                replies.computeIfAbsent(row.parentId(), parent -> new ArrayList<>()).add(row.view(List.of()));
            }
        }
        List<CommentView> thread = new ArrayList<>();
        for (CommentRepository.Row row : rows) {
            if (row.parentId() == null) {
                List<CommentView> children = replies.getOrDefault(row.id(), List.of());
                if (row.deletedAt() == null || !children.isEmpty()) {
                    thread.add(row.view(List.copyOf(children)));
                }
            }
        }
        return thread;
    }
}
