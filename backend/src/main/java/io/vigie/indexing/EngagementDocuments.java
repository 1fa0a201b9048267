package io.vigie.indexing;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One search document per act around a shared article (a share, an up-vote, a comment), for
 * trends: they carry the space (so the visibility filter applies as to everything else), the
 * person and their department, the instant, and the article's themes. Type {@code engagement};
 * content queries leave them out.
 */
@Component
class EngagementDocuments implements DocumentSource {

    private final DatabaseClient db;

    EngagementDocuments(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Outbox.EntityType type() {
        return Outbox.EntityType.ENGAGEMENT;
    }

    @Override
    public Flux<SearchDocument> load(Collection<UUID> ids) {
        return db.sql("""
                        SELECT e.id, e.version, e.removed_at, e.kind, e.article_id, e.post_id, e.at, e.space_id,
                               s.name AS space_name, s.slug AS space_slug, s.kind AS space_kind,
                               e.person_id AS author_id, a.username, a.display_name, a.department,
                               ar.keywords, ar.url AS article_url, ar.site_name, p.hashtags
                        FROM engagement e
                        JOIN space s ON s.id = e.space_id
                        JOIN person a ON a.id = e.person_id
                        JOIN article ar ON ar.id = e.article_id
                        JOIN post p ON p.id = e.post_id
                        WHERE e.id = ANY(:ids)
                        """)
                .bind("ids", ids.toArray(UUID[]::new))
                .map(EngagementDocuments::toDocument)
                .all();
    }

    @Override
    public Flux<UUID> idsAfter(UUID after, int limit) {
        return db.sql("SELECT id FROM engagement WHERE removed_at IS NULL AND id > :after ORDER BY id LIMIT :limit")
                .bind("after", after == null ? new UUID(0, 0) : after).bind("limit", limit)
                .map(row -> row.get("id", UUID.class)).all();
    }

    @Override
    public Mono<Long> count() {
        return db.sql("SELECT count(*) AS n FROM engagement WHERE removed_at IS NULL").map(row -> row.get("n", Long.class)).one();
    }

    @Override
    public Flux<Versioned> versions() {
        return db.sql("SELECT id, version FROM engagement WHERE removed_at IS NULL ORDER BY id")
                .map(row -> new Versioned(row.get("id", UUID.class), row.get("version", Long.class))).all();
    }

    private static SearchDocument toDocument(Readable row) {
        UUID id = row.get("id", UUID.class);
        long version = row.get("version", Long.class);
        if (row.get("removed_at", OffsetDateTime.class) != null) {
            return SearchDocument.gone(id, version);
        }
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("type", "engagement");
        source.put("item_id", id.toString());
        source.put("kind", row.get("kind", String.class));
        source.put("article_id", row.get("article_id", UUID.class).toString());
        source.put("post_id", row.get("post_id", UUID.class).toString());
        Documents.putSpace(source, row);
        Documents.putAuthor(source, row);
        // Themes: the share's tags and the article's keywords, for trending topics.
        List<String> themes = new ArrayList<>(Documents.list(row.get("hashtags", String[].class)));
        Documents.list(row.get("keywords", String[].class)).stream().filter(k -> !themes.contains(k)).forEach(themes::add);
        source.put("tags", themes);
        source.put("article_site", io.vigie.links.Canonical.hostOf(row.get("article_url", String.class)));
        source.put("created_at", row.get("at", OffsetDateTime.class).toInstant().toString());
        return new SearchDocument(id, version, false, source);
    }
}
