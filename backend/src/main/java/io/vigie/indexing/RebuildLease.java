package io.vigie.indexing;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The one search rebuild that may run across all API instances, kept in PostgreSQL
 * ({@code search_rebuild}) so that every instance's indexer sees it: see V17. The instance that
 * holds the lease renews it every {@link #HEARTBEAT}; a lease not renewed for {@link #EXPIRY} is
 * dead (its instance crashed), ignored by indexers and open to the next rebuild.
 */
@Component
class RebuildLease {

    static final Duration HEARTBEAT = Duration.ofSeconds(5);
    static final Duration EXPIRY = Duration.ofSeconds(60);

    /** A rebuild in progress somewhere. */
    record Held(String targetIndex, Instant startedAt) {}

    /** What claiming found: whether this caller got the lease, and the index a dead rebuild left behind. */
    record Claim(boolean granted, String abandonedIndex) {}

    private final DatabaseClient db;

    RebuildLease(DatabaseClient db) {
        this.db = db;
    }

    /** The live rebuild, if any (an expired lease counts as none). */
    Mono<Held> current() {
        return db.sql("SELECT target_index, started_at FROM search_rebuild WHERE heartbeat_at > now() - make_interval(secs => :expiry)")
                .bind("expiry", EXPIRY.toSeconds())
                .map(row -> new Held(row.get("target_index", String.class), row.get("started_at", OffsetDateTime.class).toInstant()))
                .one();
    }

    /**
     * Takes the lease for a rebuild into {@code target} unless a live rebuild holds it; an expired
     * one is taken over, and its index named so the caller can drop it. One statement, so two
     * instances claiming at once cannot both win.
     */
    Mono<Claim> claim(String target) {
        return db.sql("""
                        WITH previous AS (SELECT target_index FROM search_rebuild)
                        INSERT INTO search_rebuild (target_index) VALUES (:target)
                        ON CONFLICT (singleton) DO UPDATE
                            SET target_index = EXCLUDED.target_index, started_at = now(), heartbeat_at = now()
                            WHERE search_rebuild.heartbeat_at <= now() - make_interval(secs => :expiry)
                        RETURNING (SELECT target_index FROM previous) AS abandoned""")
                .bind("target", target)
                .bind("expiry", EXPIRY.toSeconds())
                .map(row -> new Claim(true, row.get("abandoned", String.class)))
                .one()
                .defaultIfEmpty(new Claim(false, null));
    }

    /**
     * Renews the lease; fails when it expired or changed hands meanwhile, because other instances
     * may then have stopped writing to the index being built, and the rebuild must not swap it in.
     */
    Mono<Void> renew(String target) {
        return db.sql("""
                        UPDATE search_rebuild SET heartbeat_at = now()
                        WHERE target_index = :target AND heartbeat_at > now() - make_interval(secs => :expiry)""")
                .bind("target", target)
                .bind("expiry", EXPIRY.toSeconds())
                .fetch().rowsUpdated()
                .flatMap(updated -> updated == 1 ? Mono.<Void>empty()
                        : Mono.error(new IllegalStateException("the rebuild lease for " + target + " expired or was taken over")));
    }

    Mono<Void> release(String target) {
        return db.sql("DELETE FROM search_rebuild WHERE target_index = :target")
                .bind("target", target)
                .fetch().rowsUpdated()
                .then();
    }
}
