package io.vigie.indexing;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The search documents of the inspiration library's collections: a title and a description that
 * every employee may read (the posts inside are filtered per reader when the collection opens).
 */
@Component
class CollectionDocuments implements DocumentSource {

    private final DatabaseClient db;

    CollectionDocuments(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Outbox.EntityType type() {
        return Outbox.EntityType.COLLECTION;
    }

    @Override
    public Flux<SearchDocument> load(Collection<UUID> ids) {
        return db.sql("SELECT id, version, title, description, created_at, updated_at, deleted_at FROM collection WHERE id = ANY(:ids)")
                .bind("ids", ids.toArray(UUID[]::new))
                .map(CollectionDocuments::toDocument)
                .all();
    }

    @Override
    public Flux<UUID> idsAfter(UUID after, int limit) {
        return db.sql("SELECT id FROM collection WHERE deleted_at IS NULL AND id > :after ORDER BY id LIMIT :limit")
                .bind("after", after == null ? new UUID(0, 0) : after).bind("limit", limit)
                .map(row -> row.get("id", UUID.class)).all();
    }

    @Override
    public Mono<Long> count() {
        return db.sql("SELECT count(*) AS n FROM collection WHERE deleted_at IS NULL").map(row -> row.get("n", Long.class)).one();
    }

    @Override
    public Flux<Versioned> versions() {
        return db.sql("SELECT id, version FROM collection WHERE deleted_at IS NULL ORDER BY id")
                .map(row -> new Versioned(row.get("id", UUID.class), row.get("version", Long.class))).all();
    }

    private static SearchDocument toDocument(Readable row) {
        UUID id = row.get("id", UUID.class);
        long version = row.get("version", Long.class);
        if (row.get("deleted_at", OffsetDateTime.class) != null) {
            return SearchDocument.gone(id, version);
        }
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("type", "collection");
        source.put("item_id", id.toString());
        source.put("space_visibility", "open");
        source.put("title", row.get("title", String.class));
        source.put("body", row.get("description", String.class));
        source.put("created_at", row.get("created_at", OffsetDateTime.class).toInstant().toString());
        source.put("updated_at", row.get("updated_at", OffsetDateTime.class).toInstant().toString());
        return new SearchDocument(id, version, false, source);
    }
}
