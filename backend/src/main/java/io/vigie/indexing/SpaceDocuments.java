package io.vigie.indexing;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The search documents of spaces; a private space lives "in itself", so only its members find it. */
@Component
class SpaceDocuments implements DocumentSource {

    private final DatabaseClient db;

    SpaceDocuments(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Outbox.EntityType type() {
        return Outbox.EntityType.SPACE;
    }

    @Override
    public Flux<SearchDocument> load(Collection<UUID> ids) {
        return db.sql("SELECT id, version, slug, name, description, kind, department, created_at, updated_at FROM space WHERE id = ANY(:ids)")
                .bind("ids", ids.toArray(UUID[]::new))
                .map(SpaceDocuments::toDocument)
                .all();
    }

    @Override
    public Flux<UUID> idsAfter(UUID after, int limit) {
        return db.sql("SELECT id FROM space WHERE id > :after ORDER BY id LIMIT :limit")
                .bind("after", after == null ? new UUID(0, 0) : after).bind("limit", limit)
                .map(row -> row.get("id", UUID.class)).all();
    }

    @Override
    public Mono<Long> count() {
        return db.sql("SELECT count(*) AS n FROM space").map(row -> row.get("n", Long.class)).one();
    }

    @Override
    public Flux<Versioned> versions() {
        return db.sql("SELECT id, version FROM space ORDER BY id")
                .map(row -> new Versioned(row.get("id", UUID.class), row.get("version", Long.class))).all();
    }

    private static SearchDocument toDocument(Readable row) {
        UUID id = row.get("id", UUID.class);
        String name = row.get("name", String.class);
        String kind = row.get("kind", String.class);
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("type", "space");
        source.put("item_id", id.toString());
        source.put("space_id", id.toString());
        source.put("space_name", name);
        source.put("space_slug", row.get("slug", String.class));
        source.put("space_visibility", kind);
        source.put("department", row.get("department", String.class));
        source.put("title", name);
        source.put("body", row.get("description", String.class));
        source.put("created_at", row.get("created_at", OffsetDateTime.class).toInstant().toString());
        source.put("updated_at", row.get("updated_at", OffsetDateTime.class).toInstant().toString());
        source.put("space_suggest", Documents.suggestion(List.of(name), kind, id));
        return new SearchDocument(id, row.get("version", Long.class), false, source);
    }
}
