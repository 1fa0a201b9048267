package io.vigie.moderation;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The append-only record of what moderators, admins and Vigie itself did: who, what, to what,
 * when, why. Write it in the transaction of the act. The database refuses any change or removal
 * of an entry (a trigger), whatever the caller.
 */
@Component
public class AuditLog {

    /** One entry. {@code actorId} is null for Vigie's own acts (an automatic hide). */
    public record Entry(long id, Instant at, UUID actorId, String actorName, String action, String targetType, String targetId,
                        String reason) {}

    private final DatabaseClient db;

    AuditLog(DatabaseClient db) {
        this.db = db;
    }

    /** Records an act; the actor's name is read at that moment, so it survives a later rename. */
    public Mono<Void> record(UUID actorId, String action, String targetType, String targetId, String reason) {
        return db.sql("""
                        INSERT INTO audit_log (actor_id, actor_name, action, target_type, target_id, reason)
                        VALUES (:actor, COALESCE((SELECT display_name FROM person WHERE id = :actor), 'Vigie'), :action, :type, :target, :reason)""")
                .bind("actor", Parameter.fromOrEmpty(actorId, UUID.class)).bind("action", action).bind("type", targetType)
                .bind("target", targetId).bind("reason", reason == null ? "" : reason)
                .fetch().rowsUpdated().then();
    }

    /** Entries matching every given filter (null: any), newest first. */
    Flux<Entry> search(String actor, String action, String text, Instant from, Instant to, int limit) {
        return db.sql("""
                        SELECT id, at, actor_id, actor_name, action, target_type, target_id, reason FROM audit_log
                        WHERE (CAST(:actor AS text) IS NULL OR actor_name ILIKE '%' || :actor || '%')
                          AND (CAST(:action AS text) IS NULL OR action = :action)
                          AND (CAST(:text AS text) IS NULL OR reason ILIKE '%' || :text || '%' OR target_id = :text)
                          AND (CAST(:from AS timestamptz) IS NULL OR at >= :from)
                          AND (CAST(:to AS timestamptz) IS NULL OR at < :to)
                        ORDER BY at DESC, id DESC LIMIT :limit""")
                .bind("actor", Parameter.fromOrEmpty(actor, String.class))
                .bind("action", Parameter.fromOrEmpty(action, String.class))
                .bind("text", Parameter.fromOrEmpty(text, String.class))
                .bind("from", Parameter.fromOrEmpty(from == null ? null : from.atOffset(ZoneOffset.UTC), OffsetDateTime.class))
                .bind("to", Parameter.fromOrEmpty(to == null ? null : to.atOffset(ZoneOffset.UTC), OffsetDateTime.class))
                .bind("limit", limit)
                .map(row -> new Entry(row.get("id", Long.class), row.get("at", OffsetDateTime.class).toInstant(),
                        row.get("actor_id", UUID.class), row.get("actor_name", String.class), row.get("action", String.class),
                        row.get("target_type", String.class), row.get("target_id", String.class), row.get("reason", String.class)))
                .all();
    }
}
