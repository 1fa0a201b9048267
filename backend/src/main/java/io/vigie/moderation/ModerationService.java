package io.vigie.moderation;

import io.vigie.indexing.Outbox;
import io.vigie.live.LiveEvent;
import io.vigie.live.LiveEvents;
import io.vigie.notifications.Notifier;
import io.vigie.posts.PostService;
import io.vigie.spaces.Reader;
import io.vigie.web.ApiProblems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Reports and moderators' acts. A report needs the item to be readable by its reporter; when
 * enough distinct people report it, Vigie hides it until a moderator decides. Each decision
 * resolves the open reports, takes effect on every read path (the index through the outbox, open
 * screens through the live stream) and is written to the audit log in the same transaction.
 */
@Service
class ModerationService {

    static final Set<String> TYPES = Set.of("post", "comment");
    static final Set<String> ACTIONS = Set.of("hide", "restore", "delete", "lock", "unlock", "warn", "suspend");

    /** A queue entry: the item, its state, and who reported it why. */
    record QueueItem(String type, UUID id, UUID postId, UUID authorId, String authorName, UUID spaceId, String spaceName, String text,
                     boolean hidden, boolean locked, long reports, Instant latest, List<String> reporters, List<String> reasons) {}

    private final ModerationRepository repository;
    private final AuditLog audit;
    private final Outbox outbox;
    private final LiveEvents live;
    private final Notifier notifier;
    private final PostService posts;
    private final ModerationProperties properties;
    private final TransactionalOperator transaction;

    ModerationService(ModerationRepository repository, AuditLog audit, Outbox outbox, LiveEvents live, Notifier notifier,
                      PostService posts, ModerationProperties properties, TransactionalOperator transaction) {
        this.repository = repository;
        this.audit = audit;
        this.outbox = outbox;
        this.live = live;
        this.notifier = notifier;
        this.posts = posts;
        this.properties = properties;
        this.transaction = transaction;
    }

    /** Reports an item the reader can read; the threshold's report hides it. 409 for a second open report by the same person. */
    Mono<Void> report(Reader reader, String type, UUID id, String reason) {
        return readable(reader, type, id)
                .then(transaction.transactional(repository.report(type, id, reader.personId(), reason)
                        .filter(created -> created)
                        .switchIfEmpty(Mono.error(() -> ApiProblems.conflict("You already reported this; a moderator will look at it.")))
                        .then(repository.openReporters(type, id))
                        .filter(reporters -> reporters >= properties.autoHideReports())
                        .flatMap(reporters -> repository.hide(type, id)
                                .filter(hidden -> hidden)
                                .flatMap(hidden -> changed(type, id, true)
                                        .then(audit.record(null, "auto-hide", type, id.toString(),
                                                reporters + " people reported it; hidden until a moderator decides"))))));
    }

    Flux<QueueItem> queue(Reader moderator, int limit) {
        return moderatorOnly(moderator).thenMany(repository.queue(Math.clamp(limit, 1, 200)))
                .concatMap(reported -> repository.target(reported.type(), reported.id())
                        .filter(target -> !target.deleted())
                        .map(target -> new QueueItem(target.type(), target.id(), target.postId(), target.authorId(), target.authorName(),
                                target.spaceId(), target.spaceName(), excerpt(target.text()), target.hidden(), target.locked(),
                                reported.reports(), reported.latest(), reported.reporters(), reported.reasons())));
    }

    /** A moderator's decision on an item; warnings and suspensions need a reason, suspensions a length in days. */
    Mono<Void> act(Reader moderator, String type, UUID id, String action, String reason, Integer days) {
        if (!ACTIONS.contains(action)) {
            return Mono.error(ApiProblems.invalid("action", "must be one of " + String.join(", ", ACTIONS.stream().sorted().toList())));
        }
        if ((action.equals("warn") || action.equals("suspend")) && (reason == null || reason.isBlank())) {
            return Mono.error(ApiProblems.invalid("reason", "say why: the author reads it"));
        }
        if (action.equals("suspend") && (days == null || days < 1 || days > 365)) {
            return Mono.error(ApiProblems.invalid("days", "must be between 1 and 365"));
        }
        if ((action.equals("lock") || action.equals("unlock")) && !type.equals("post")) {
            return Mono.error(ApiProblems.invalid("action", "only a post's discussion can be locked"));
        }
        String why = reason == null ? "" : reason.strip();
        return moderatorOnly(moderator)
                .then(repository.target(type, id))
                .switchIfEmpty(Mono.error(() -> ApiProblems.notFound("This item")))
                .flatMap(target -> transaction.transactional(apply(moderator, target, action, why, days)
                        .then(repository.resolve(type, id, action))
                        .then(audit.record(moderator.personId(), action, type, id.toString(), why))
                        .then(action.equals("suspend")
                                ? audit.record(moderator.personId(), "suspend-person", "person", target.authorId().toString(),
                                days + " days: " + why)
                                : Mono.empty())));
    }

    private Mono<Void> apply(Reader moderator, ModerationRepository.Target target, String action, String reason, Integer days) {
        String type = target.type();
        UUID id = target.id();
        return switch (action) {
            case "hide" -> repository.hide(type, id).flatMap(done -> done ? changed(type, id, true) : Mono.empty());
            case "restore" -> repository.restore(type, id).flatMap(done -> done ? changed(type, id, false) : Mono.empty());
            case "delete" -> repository.delete(type, id, moderator.personId()).flatMap(done -> done ? changed(type, id, true) : Mono.empty());
            case "lock" -> repository.lock(id, true).then(live.postChanged(LiveEvent.UPDATED, id));
            case "unlock" -> repository.lock(id, false).then(live.postChanged(LiveEvent.UPDATED, id));
            case "warn" -> notifier.warned(moderator.personId(), target.authorId(), target.postId(),
                    type.equals("comment") ? id : null, reason);
            case "suspend" -> repository.suspend(target.authorId(), Duration.ofDays(days))
                    .then(notifier.warned(moderator.personId(), target.authorId(), target.postId(),
                            type.equals("comment") ? id : null, "Suspended from writing for " + days + " days: " + reason));
            default -> Mono.error(new IllegalStateException(action));
        };
    }

    /** The item left (or came back to) every read path: the index through the outbox, open screens live. */
    private Mono<Void> changed(String type, UUID id, boolean gone) {
        if (type.equals("post")) {
            return outbox.changed(Outbox.EntityType.POST, id)
                    .then(outbox.commentsOfPostChanged(id))
                    .then(live.postChanged(gone ? LiveEvent.DELETED : LiveEvent.UPDATED, id));
        }
        return outbox.changed(Outbox.EntityType.COMMENT, id);
    }

    /** The reporter must be able to read the item (404 otherwise, as everywhere). */
    private Mono<Void> readable(Reader reader, String type, UUID id) {
        if (!TYPES.contains(type)) {
            return Mono.error(ApiProblems.invalid("type", "must be post or comment"));
        }
        return repository.target(type, id)
                .filter(target -> !target.deleted() && !target.hidden())
                .switchIfEmpty(Mono.error(() -> ApiProblems.notFound("This item")))
                .flatMap(target -> posts.visiblePost(reader, target.postId()))
                .then();
    }

    private static Mono<Void> moderatorOnly(Reader reader) {
        return reader.moderator() ? Mono.empty() : Mono.error(ApiProblems.forbidden("Only moderators moderate."));
    }

    private static String excerpt(String text) {
        String plain = text == null ? "" : text.strip();
        return plain.length() <= 500 ? plain : plain.substring(0, 500) + "…";
    }
}
