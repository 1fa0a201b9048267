package io.vigie.moderation;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

@Repository
class ModerationRepository {

    /** A reported post or comment as moderators see it, whatever its state. */
    record Target(String type, UUID id, UUID postId, UUID authorId, String authorName, UUID spaceId, String spaceName, String text,
                  boolean hidden, boolean deleted, boolean locked) {}

    /** Open reports on one item. */
    record Reported(String type, UUID id, long reports, Instant latest, List<String> reporters, List<String> reasons) {}

    private final DatabaseClient db;

    ModerationRepository(DatabaseClient db) {
        this.db = db;
    }

    /** A new open report; false when this person already has one open on the item. */
    Mono<Boolean> report(String type, UUID id, UUID reporter, String reason) {
        return db.sql("""
                        INSERT INTO report (id, target_type, target_id, reporter_id, reason) VALUES (:id, :type, :target, :reporter, :reason)
                        ON CONFLICT DO NOTHING""")
                .bind("id", UUID.randomUUID()).bind("type", type).bind("target", id).bind("reporter", reporter).bind("reason", reason)
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    Mono<Long> openReporters(String type, UUID id) {
        return db.sql("SELECT count(DISTINCT reporter_id) AS n FROM report WHERE target_type = :type AND target_id = :id AND resolved_at IS NULL")
                .bind("type", type).bind("id", id).map(row -> row.get("n", Long.class)).one();
    }

    /** Items with open reports: the most reported first, then the most recent. */
    Flux<Reported> queue(int limit) {
        return db.sql("""
                        SELECT r.target_type, r.target_id, count(*) AS reports, max(r.created_at) AS latest,
                               array_agg(COALESCE(p.display_name, 'Vigie') ORDER BY r.created_at) AS reporters,
                               array_agg(r.reason ORDER BY r.created_at) AS reasons
                        FROM report r LEFT JOIN person p ON p.id = r.reporter_id
                        WHERE r.resolved_at IS NULL
                        GROUP BY r.target_type, r.target_id
                        ORDER BY count(*) DESC, max(r.created_at) DESC
                        LIMIT :limit""")
                .bind("limit", limit)
                .map(row -> new Reported(row.get("target_type", String.class), row.get("target_id", UUID.class),
                        row.get("reports", Long.class), row.get("latest", OffsetDateTime.class).toInstant(),
                        Arrays.asList(row.get("reporters", String[].class)), Arrays.asList(row.get("reasons", String[].class))))
                .all();
    }

    Mono<Target> target(String type, UUID id) {
        String sql = "post".equals(type) ? """
                SELECT 'post' AS type, p.id, p.id AS post_id, p.author_id, a.display_name, p.space_id, s.name AS space_name,
                       COALESCE(ar.title || ' — ', '') || p.body_markdown AS text, p.hidden_at, p.deleted_at, p.locked
                FROM post p JOIN person a ON a.id = p.author_id JOIN space s ON s.id = p.space_id
                LEFT JOIN article ar ON ar.id = p.article_id WHERE p.id = :id""" : """
                SELECT 'comment' AS type, c.id, c.post_id, c.author_id, a.display_name, p.space_id, s.name AS space_name,
                       c.body_markdown AS text, c.hidden_at, c.deleted_at, false AS locked
                FROM comment c JOIN post p ON p.id = c.post_id JOIN person a ON a.id = c.author_id JOIN space s ON s.id = p.space_id
                WHERE c.id = :id""";
        return db.sql(sql).bind("id", id).map(ModerationRepository::toTarget).one();
    }

    /** Hides an item (false if it was hidden already). */
    Mono<Boolean> hide(String type, UUID id) {
        return db.sql("UPDATE " + table(type) + " SET hidden_at = now(), version = version + 1 WHERE id = :id AND hidden_at IS NULL")
                .bind("id", id).fetch().rowsUpdated().map(rows -> rows > 0);
    }

    Mono<Boolean> restore(String type, UUID id) {
        return db.sql("UPDATE " + table(type) + " SET hidden_at = NULL, version = version + 1 WHERE id = :id AND hidden_at IS NOT NULL")
                .bind("id", id).fetch().rowsUpdated().map(rows -> rows > 0);
    }

    Mono<Boolean> delete(String type, UUID id, UUID by) {
        String extra = "post".equals(type) ? ", deleted_by = :by" : "";
        DatabaseClient.GenericExecuteSpec spec = db.sql("UPDATE " + table(type) + " SET deleted_at = now(), version = version + 1" + extra
                + " WHERE id = :id AND deleted_at IS NULL").bind("id", id);
        if (!extra.isEmpty()) {
            spec = spec.bind("by", by);
        }
        return spec.fetch().rowsUpdated().map(rows -> rows > 0);
    }

    Mono<Void> lock(UUID postId, boolean locked) {
        return db.sql("UPDATE post SET locked = :locked, version = version + 1 WHERE id = :id").bind("id", postId).bind("locked", locked)
                .fetch().rowsUpdated().then();
    }

    Mono<Void> suspend(UUID personId, Duration length) {
        return db.sql("UPDATE person SET suspended_until = now() + make_interval(secs => :seconds) WHERE id = :id")
                .bind("id", personId).bind("seconds", (double) length.toSeconds()).fetch().rowsUpdated().then();
    }

    Mono<Void> resolve(String type, UUID id, String resolution) {
        return db.sql("UPDATE report SET resolved_at = now(), resolution = :resolution WHERE target_type = :type AND target_id = :id AND resolved_at IS NULL")
                .bind("type", type).bind("id", id).bind("resolution", resolution).fetch().rowsUpdated().then();
    }

    /** Named from a fixed set (post, comment), never from input. */
    private static String table(String type) {
        return switch (type) {
            case "post" -> "post";
            case "comment" -> "comment";
            default -> throw new IllegalArgumentException(type);
        };
    }

    private static Target toTarget(Readable row) {
        return new Target(row.get("type", String.class), row.get("id", UUID.class), row.get("post_id", UUID.class),
                row.get("author_id", UUID.class), row.get("display_name", String.class), row.get("space_id", UUID.class),
                row.get("space_name", String.class), row.get("text", String.class),
                row.get("hidden_at", OffsetDateTime.class) != null, row.get("deleted_at", OffsetDateTime.class) != null,
                Boolean.TRUE.equals(row.get("locked", Boolean.class)));
    }
}
