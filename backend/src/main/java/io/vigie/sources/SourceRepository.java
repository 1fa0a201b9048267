package io.vigie.sources;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

@Repository
class SourceRepository {

    /** A source as the poller needs it. */
    record Due(UUID id, UUID spaceId, String url, String etag, String lastModified, int failures) {}

    private static final String SOURCE = """
            SELECT s.id, s.space_id, s.url, s.title, s.created_at, s.last_polled_at, s.last_success_at, s.failures, s.last_error,
                   s.next_poll_at,
                   (SELECT count(*) FROM watch_item i WHERE i.source_id = s.id AND i.status = 'new') AS new_items
            FROM watch_source s""";

    private final DatabaseClient db;

    SourceRepository(DatabaseClient db) {
        this.db = db;
    }

    Flux<SourceViews.Source> sourcesOf(UUID spaceId) {
        return db.sql(SOURCE + " WHERE s.space_id = :space ORDER BY s.created_at").bind("space", spaceId)
                .map(SourceRepository::toSource).all();
    }

    Mono<SourceViews.Source> source(UUID id) {
        return db.sql(SOURCE + " WHERE s.id = :id").bind("id", id).map(SourceRepository::toSource).one();
    }

    Mono<Long> count(UUID spaceId) {
        return db.sql("SELECT count(*) AS n FROM watch_source WHERE space_id = :space").bind("space", spaceId)
                .map(row -> row.get("n", Long.class)).one();
    }

    /** A new source, already read once; empty if the space follows this feed already. */
    Mono<UUID> insert(UUID spaceId, String url, String title, UUID by) {
        return db.sql("""
                        INSERT INTO watch_source (id, space_id, url, title, added_by) VALUES (:id, :space, :url, :title, :by)
                        ON CONFLICT (space_id, url) DO NOTHING RETURNING id""")
                .bind("id", UUID.randomUUID()).bind("space", spaceId).bind("url", url)
                .bind("title", Parameter.fromOrEmpty(title, String.class)).bind("by", by)
                .map(row -> row.get("id", UUID.class)).one();
    }

    Mono<Boolean> delete(UUID id) {
        return db.sql("DELETE FROM watch_source WHERE id = :id").bind("id", id).fetch().rowsUpdated().map(n -> n > 0);
    }

    /**
     * Claims the sources due now: their next poll moves a lease ahead, so another instance (or the
     * next tick) leaves them alone while this one polls; the outcome then sets the real next time.
     */
    Flux<Due> claimDue(int limit, Duration lease) {
        return db.sql("""
                        UPDATE watch_source SET next_poll_at = now() + make_interval(secs => :lease)
                        WHERE id IN (SELECT id FROM watch_source WHERE next_poll_at <= now() ORDER BY next_poll_at
                                     LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING id, space_id, url, etag, last_modified, failures""")
                .bind("limit", limit).bind("lease", (double) lease.toSeconds())
                .map(SourceRepository::toDue).all();
    }

    /** One source, claimed now whatever its schedule ("check now"). */
    Mono<Due> claim(UUID id, Duration lease) {
        return db.sql("""
                        UPDATE watch_source SET next_poll_at = now() + make_interval(secs => :lease) WHERE id = :id
                        RETURNING id, space_id, url, etag, last_modified, failures""")
                .bind("id", id).bind("lease", (double) lease.toSeconds())
                .map(SourceRepository::toDue).one();
    }

    Mono<Void> succeeded(UUID id, String title, String etag, String lastModified, Duration next) {
        return db.sql("""
                        UPDATE watch_source SET title = COALESCE(:title, title), etag = :etag, last_modified = :modified,
                               last_polled_at = now(), last_success_at = now(), failures = 0, last_error = NULL,
                               next_poll_at = now() + make_interval(secs => :next)
                        WHERE id = :id""")
                .bind("id", id).bind("title", Parameter.fromOrEmpty(title, String.class))
                .bind("etag", Parameter.fromOrEmpty(etag, String.class)).bind("modified", Parameter.fromOrEmpty(lastModified, String.class))
                .bind("next", (double) next.toSeconds())
                .fetch().rowsUpdated().then();
    }

    Mono<Void> failed(UUID id, String error, Duration next) {
        return db.sql("""
                        UPDATE watch_source SET last_polled_at = now(), failures = failures + 1, last_error = :error,
                               next_poll_at = now() + make_interval(secs => :next)
                        WHERE id = :id""")
                .bind("id", id).bind("error", error).bind("next", (double) next.toSeconds())
                .fetch().rowsUpdated().then();
    }

    /** New items of a source, once each per space (by canonical address): how many were new. */
    Mono<Long> addItems(UUID sourceId, UUID spaceId, List<FeedReader.Item> items) {
        if (items.isEmpty()) {
            return Mono.just(0L);
        }
        return Flux.fromIterable(items)
                .concatMap(item -> db.sql("""
                                INSERT INTO watch_item (id, source_id, space_id, url, title, summary, published_at)
                                VALUES (:id, :source, :space, :url, :title, :summary, :published)
                                ON CONFLICT (space_id, url) DO NOTHING""")
                        .bind("id", UUID.randomUUID()).bind("source", sourceId).bind("space", spaceId).bind("url", item.link())
                        .bind("title", Parameter.fromOrEmpty(item.title(), String.class))
                        .bind("summary", Parameter.fromOrEmpty(item.summary(), String.class))
                        .bind("published", Parameter.fromOrEmpty(item.publishedAt() == null ? null
                                : item.publishedAt().atOffset(ZoneOffset.UTC), OffsetDateTime.class))
                        .fetch().rowsUpdated())
                .reduce(0L, Long::sum);
    }

    Flux<SourceViews.Item> inbox(UUID spaceId, String status, int limit) {
        return db.sql("""
                        SELECT i.id, i.source_id, s.title AS source_title, i.url, i.title, i.summary, i.published_at, i.found_at,
                               i.status, i.post_id
                        FROM watch_item i LEFT JOIN watch_source s ON s.id = i.source_id
                        WHERE i.space_id = :space AND i.status = :status
                        ORDER BY COALESCE(i.published_at, i.found_at) DESC, i.id LIMIT :limit""")
                .bind("space", spaceId).bind("status", status).bind("limit", limit)
                .map(SourceRepository::toItem).all();
    }

    /** The space and address of an item. */
    Mono<SourceViews.Item> item(UUID id) {
        return db.sql("""
                        SELECT i.id, i.source_id, s.title AS source_title, i.url, i.title, i.summary, i.published_at, i.found_at,
                               i.status, i.post_id, i.space_id
                        FROM watch_item i LEFT JOIN watch_source s ON s.id = i.source_id WHERE i.id = :id""")
                .bind("id", id).map(SourceRepository::toItem).one();
    }

    Mono<UUID> spaceOfItem(UUID id) {
        return db.sql("SELECT space_id FROM watch_item WHERE id = :id").bind("id", id).map(row -> row.get("space_id", UUID.class)).one();
    }

    Mono<UUID> spaceOfSource(UUID id) {
        return db.sql("SELECT space_id FROM watch_source WHERE id = :id").bind("id", id).map(row -> row.get("space_id", UUID.class)).one();
    }

    /** Decides a new item; false when someone decided it already. */
    Mono<Boolean> decide(UUID id, String status, UUID by, UUID postId) {
        return db.sql("""
                        UPDATE watch_item SET status = :status, decided_by = :by, decided_at = now(), post_id = :post
                        WHERE id = :id AND status = 'new'""")
                .bind("id", id).bind("status", status).bind("by", by).bind("post", Parameter.fromOrEmpty(postId, UUID.class))
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    private static Due toDue(Readable row) {
        return new Due(row.get("id", UUID.class), row.get("space_id", UUID.class), row.get("url", String.class),
                row.get("etag", String.class), row.get("last_modified", String.class), row.get("failures", Integer.class));
    }

    private static SourceViews.Source toSource(Readable row) {
        return new SourceViews.Source(row.get("id", UUID.class), row.get("space_id", UUID.class), row.get("url", String.class),
                row.get("title", String.class), instant(row, "created_at"), instant(row, "last_polled_at"),
                instant(row, "last_success_at"), row.get("failures", Integer.class), row.get("last_error", String.class),
                instant(row, "next_poll_at"), row.get("new_items", Long.class));
    }

    private static SourceViews.Item toItem(Readable row) {
        return new SourceViews.Item(row.get("id", UUID.class), row.get("source_id", UUID.class), row.get("source_title", String.class),
                row.get("url", String.class), row.get("title", String.class), row.get("summary", String.class),
                instant(row, "published_at"), instant(row, "found_at"), row.get("status", String.class), row.get("post_id", UUID.class));
    }

    private static Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
