package io.vigie.votes;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import java.util.Locale;
import java.util.UUID;

/** One vote per person per item (+1 or -1), on posts (shares included) and comments alike. */
@Repository
public class Votes {

    /** What can be voted on; the name is stored in {@code vote.target_type}. */
    public enum Target { POST, COMMENT;

        String column() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final DatabaseClient db;

    Votes(DatabaseClient db) {
        this.db = db;
    }

    /** A second vote by the same person replaces the first. */
    public Mono<Void> put(Target target, UUID id, UUID personId, int value) {
        return db.sql("""
                        INSERT INTO vote (target_type, target_id, person_id, value) VALUES (:type, :id, :person, :value)
                        ON CONFLICT (target_type, target_id, person_id) DO UPDATE SET value = EXCLUDED.value, voted_at = now()
                        """)
                .bind("type", target.column()).bind("id", id).bind("person", personId).bind("value", (short) value)
                .fetch().rowsUpdated().then();
    }

    public Mono<Void> remove(Target target, UUID id, UUID personId) {
        return db.sql("DELETE FROM vote WHERE target_type = :type AND target_id = :id AND person_id = :person")
                .bind("type", target.column()).bind("id", id).bind("person", personId)
                .fetch().rowsUpdated().then();
    }

    /**
     * Locks the voted item's row, so concurrent votes on it are counted one after the other. The
     * table is named after the target (post, comment), never after input.
     */
    public Mono<Void> lock(Target target, UUID id) {
        return db.sql("SELECT id FROM " + target.column() + " WHERE id = :id FOR UPDATE").bind("id", id).fetch().rowsUpdated().then();
    }

    /** Counts from the votes themselves (never deltas), and bumps the item's version for the search index. */
    public Mono<Void> recount(Target target, UUID id) {
        return db.sql("""
                        UPDATE %1$s SET
                            upvotes = (SELECT count(*) FROM vote WHERE target_type = '%1$s' AND target_id = :id AND value = 1),
                            downvotes = (SELECT count(*) FROM vote WHERE target_type = '%1$s' AND target_id = :id AND value = -1),
                            version = version + 1
                        WHERE id = :id
                        """.formatted(target.column()))
                .bind("id", id).fetch().rowsUpdated().then();
    }

    /** Sets (1, -1) or removes (0) a vote. */
    public Mono<Void> set(Target target, UUID id, UUID personId, int value) {
        return value == 0 ? remove(target, id, personId) : put(target, id, personId, value);
    }
}
