package io.vigie.library;

import io.vigie.web.ApiProblems;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Collection;
import java.util.UUID;

/**
 * The inspiration library in PostgreSQL: collections, and the posts moderators put in them. Every
 * read takes the reader's spaces and keeps only items in spaces they may read (open and department
 * spaces, private ones they belong to): counts included.
 */
@Component
class Library {

    /** A collection as a reader sees it: {@code items} counts only what they may read. */
    record Summary(UUID id, String title, String description, long items, OffsetDateTime updatedAt) {}

    /** An item: which post, and the curator's note. */
    record Item(UUID postId, String note, OffsetDateTime addedAt) {}

    private static final String READABLE_ITEM = """
            JOIN post p ON p.id = i.post_id JOIN space s ON s.id = p.space_id
            WHERE p.deleted_at IS NULL AND p.hidden_at IS NULL AND (s.kind <> 'private' OR s.id = ANY(:member))""";

    private final DatabaseClient db;

    Library(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Collections, newest change first; with {@code query}, those whose title or description hold
     * every word of it, accents and case aside. A company has tens of collections, not thousands:
     * they are filtered here rather than indexed.
     */
    Flux<Summary> collections(String query, Collection<UUID> memberOf) {
        List<String> words = query == null ? List.of() : Arrays.stream(fold(query).split("\\s+")).filter(w -> !w.isEmpty()).toList();
        return db.sql("""
                        SELECT c.id, c.title, c.description, c.updated_at,
                               (SELECT count(*) FROM collection_item i %s AND i.collection_id = c.id) AS items
                        FROM collection c WHERE c.deleted_at IS NULL
                        ORDER BY c.updated_at DESC""".formatted(READABLE_ITEM))
                .bind("member", memberOf.toArray(UUID[]::new))
                .map(row -> new Summary(row.get("id", UUID.class), row.get("title", String.class), row.get("description", String.class),
                        row.get("items", Long.class), row.get("updated_at", OffsetDateTime.class)))
                .all()
                .filter(summary -> {
                    String text = fold(summary.title() + " " + summary.description());
                    return words.stream().allMatch(text::contains);
                });
    }

    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }

    Mono<Summary> collection(UUID id, Collection<UUID> memberOf) {
        return db.sql("""
                        SELECT c.id, c.title, c.description, c.updated_at,
                               (SELECT count(*) FROM collection_item i %s AND i.collection_id = c.id) AS items
                        FROM collection c WHERE c.id = :id AND c.deleted_at IS NULL""".formatted(READABLE_ITEM))
                .bind("id", id).bind("member", memberOf.toArray(UUID[]::new))
                .map(row -> new Summary(row.get("id", UUID.class), row.get("title", String.class), row.get("description", String.class),
                        row.get("items", Long.class), row.get("updated_at", OffsetDateTime.class)))
                .one()
                .switchIfEmpty(Mono.error(() -> ApiProblems.notFound("This collection")));
    }

    /** The items of a collection the reader may read, newest first. */
    Flux<Item> items(UUID collectionId, Collection<UUID> memberOf) {
        return db.sql("SELECT i.post_id, i.note, i.added_at FROM collection_item i " + READABLE_ITEM
                        + " AND i.collection_id = :collection ORDER BY i.added_at DESC LIMIT 200")
                .bind("collection", collectionId).bind("member", memberOf.toArray(UUID[]::new))
                .map(row -> new Item(row.get("post_id", UUID.class), row.get("note", String.class), row.get("added_at", OffsetDateTime.class)))
                .all();
    }

    // Each change of a collection's title, description or existence queues it for the search index.

    Mono<UUID> create(UUID by, String title, String description) {
        UUID id = UUID.randomUUID();
        return db.sql("""
                        WITH created AS (INSERT INTO collection (id, title, description, created_by) VALUES (:id, :title, :description, :by)
                                         RETURNING id)
                        INSERT INTO outbox (entity_type, entity_id) SELECT 'COLLECTION', id FROM created""")
                .bind("id", id).bind("title", title).bind("description", description).bind("by", by)
                .fetch().rowsUpdated().thenReturn(id);
    }

    Mono<Void> update(UUID id, String title, String description) {
        return db.sql("""
                        WITH changed AS (
                            UPDATE collection SET title = :title, description = :description, updated_at = now(), version = version + 1
                            WHERE id = :id AND deleted_at IS NULL RETURNING id)
                        INSERT INTO outbox (entity_type, entity_id) SELECT 'COLLECTION', id FROM changed""")
                .bind("id", id).bind("title", title).bind("description", description)
                .fetch().rowsUpdated().flatMap(found -> found == 0 ? Mono.error(ApiProblems.notFound("This collection")) : Mono.empty());
    }

    /** Soft: the row stays (with its items) so that the index learns of the deletion through its version. */
    Mono<Void> delete(UUID id) {
        return db.sql("""
                        WITH gone AS (
                            UPDATE collection SET deleted_at = now(), version = version + 1 WHERE id = :id AND deleted_at IS NULL RETURNING id)
                        INSERT INTO outbox (entity_type, entity_id) SELECT 'COLLECTION', id FROM gone""")
                .bind("id", id).fetch().rowsUpdated()
                .flatMap(found -> found == 0 ? Mono.error(ApiProblems.notFound("This collection")) : Mono.empty());
    }

    /** Adds a post to a collection (or changes its note; the collection's date moves, so it rises in the library); whether it is new there. */
    Mono<Boolean> add(UUID collectionId, UUID postId, String note, UUID by) {
        return db.sql("""
                        WITH added AS (
                            INSERT INTO collection_item (collection_id, post_id, note, added_by) VALUES (:collection, :post, :note, :by)
                            ON CONFLICT (collection_id, post_id) DO UPDATE SET note = EXCLUDED.note
                            RETURNING collection_id, (xmax = 0) AS inserted),
                        touched AS (UPDATE collection SET updated_at = now() WHERE id IN (SELECT collection_id FROM added))
                        SELECT inserted FROM added""")
                .bind("collection", collectionId).bind("post", postId).bind("note", note).bind("by", by)
                .map(row -> Boolean.TRUE.equals(row.get("inserted", Boolean.class)))
                .one();
    }

    Mono<Void> remove(UUID collectionId, UUID postId) {
        return db.sql("DELETE FROM collection_item WHERE collection_id = :collection AND post_id = :post")
                .bind("collection", collectionId).bind("post", postId).fetch().rowsUpdated().then();
    }

    Mono<Boolean> exists(UUID collectionId) {
        return db.sql("SELECT 1 FROM collection WHERE id = :id AND deleted_at IS NULL").bind("id", collectionId).map(row -> true).one().defaultIfEmpty(false);
    }
}
