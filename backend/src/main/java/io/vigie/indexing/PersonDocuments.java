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

/** The search documents of people: everyone may find a colleague (no e-mail in the index). */
@Component
class PersonDocuments implements DocumentSource {

    private final DatabaseClient db;

    PersonDocuments(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Outbox.EntityType type() {
        return Outbox.EntityType.PERSON;
    }

    @Override
    public Flux<SearchDocument> load(Collection<UUID> ids) {
        return db.sql("""
                        SELECT p.id, p.version, p.username, p.display_name, p.department, p.created_at, p.updated_at,
                               (SELECT string_agg(k.label, ', ' ORDER BY k.label) FROM person_skill k WHERE k.person_id = p.id) AS skills
                        FROM person p WHERE p.id = ANY(:ids)""")
                .bind("ids", ids.toArray(UUID[]::new))
                .map(PersonDocuments::toDocument)
                .all();
    }

    @Override
    public Flux<UUID> idsAfter(UUID after, int limit) {
        return db.sql("SELECT id FROM person WHERE id > :after ORDER BY id LIMIT :limit")
                .bind("after", after == null ? new UUID(0, 0) : after).bind("limit", limit)
                .map(row -> row.get("id", UUID.class)).all();
    }

    @Override
    public Mono<Long> count() {
        return db.sql("SELECT count(*) AS n FROM person").map(row -> row.get("n", Long.class)).one();
    }

    @Override
    public Flux<Versioned> versions() {
        return db.sql("SELECT id, version FROM person ORDER BY id")
                .map(row -> new Versioned(row.get("id", UUID.class), row.get("version", Long.class))).all();
    }

    private static SearchDocument toDocument(Readable row) {
        UUID id = row.get("id", UUID.class);
        String name = row.get("display_name", String.class);
        String username = row.get("username", String.class);
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("type", "person");
        source.put("item_id", id.toString());
        source.put("space_visibility", "open");
        source.put("author_id", id.toString());
        source.put("author_username", username);
        source.put("author_name", name);
        source.put("department", row.get("department", String.class));
        source.put("title", name);
        // Declared skills are the person's text: the search box finds "data science" people.
        String skills = row.get("skills", String.class);
        if (skills != null) {
            source.put("body", skills);
        }
        source.put("created_at", row.get("created_at", OffsetDateTime.class).toInstant().toString());
        source.put("updated_at", row.get("updated_at", OffsetDateTime.class).toInstant().toString());
        source.put("person_suggest", Map.of("input", List.of(name, username)));
        return new SearchDocument(id, row.get("version", Long.class), false, source);
    }
}
