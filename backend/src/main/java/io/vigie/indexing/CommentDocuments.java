package io.vigie.indexing;

import io.r2dbc.spi.Readable;
import io.vigie.content.UserText;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The search documents of comments: found in search, shown with the post they belong to. */
@Component
class CommentDocuments implements DocumentSource {

    private static final String LIVE = "c.deleted_at IS NULL AND c.hidden_at IS NULL AND EXISTS "
            + "(SELECT 1 FROM post p WHERE p.id = c.post_id AND p.deleted_at IS NULL AND p.hidden_at IS NULL)";

    private final DatabaseClient db;
    private final UserText text;

    CommentDocuments(DatabaseClient db, UserText text) {
        this.db = db;
        this.text = text;
    }

    @Override
    public Outbox.EntityType type() {
        return Outbox.EntityType.COMMENT;
    }

    @Override
    public Flux<SearchDocument> load(Collection<UUID> ids) {
        return db.sql("""
                        SELECT c.id, c.version, COALESCE(c.deleted_at, c.hidden_at) AS deleted_at,
                               COALESCE(p.deleted_at, p.hidden_at) AS post_deleted_at, c.post_id, p.space_id,
                               s.name AS space_name, s.slug AS space_slug, s.kind AS space_kind,
                               c.author_id, a.username, a.display_name, a.department,
                               c.body_markdown, c.body_html, c.mentions, c.upvotes, c.downvotes, c.created_at, c.edited_at
                        FROM comment c
                        JOIN post p ON p.id = c.post_id
                        JOIN space s ON s.id = p.space_id
                        JOIN person a ON a.id = c.author_id
                        WHERE c.id = ANY(:ids)
                        """)
                .bind("ids", ids.toArray(UUID[]::new))
                .map(this::toDocument)
                .all();
    }

    @Override
    public Flux<UUID> idsAfter(UUID after, int limit) {
        return db.sql("SELECT c.id FROM comment c WHERE " + LIVE + " AND c.id > :after ORDER BY c.id LIMIT :limit")
                .bind("after", after == null ? new UUID(0, 0) : after).bind("limit", limit)
                .map(row -> row.get("id", UUID.class)).all();
    }

    @Override
    public Mono<Long> count() {
        return db.sql("SELECT count(*) AS n FROM comment c WHERE " + LIVE).map(row -> row.get("n", Long.class)).one();
    }

    @Override
    public Flux<Versioned> versions() {
        return db.sql("SELECT c.id, c.version FROM comment c WHERE " + LIVE + " ORDER BY c.id")
                .map(row -> new Versioned(row.get("id", UUID.class), row.get("version", Long.class))).all();
    }

    private SearchDocument toDocument(Readable row) {
        UUID id = row.get("id", UUID.class);
        long version = row.get("version", Long.class);
        if (row.get("deleted_at", OffsetDateTime.class) != null || row.get("post_deleted_at", OffsetDateTime.class) != null) {
            return SearchDocument.gone(id, version);
        }
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("type", "comment");
        source.put("item_id", id.toString());
        source.put("post_id", row.get("post_id", UUID.class).toString());
        Documents.putSpace(source, row);
        Documents.putAuthor(source, row);
        source.put("body", text.plainText(row.get("body_markdown", String.class)));
        source.put("body_html", row.get("body_html", String.class));
        source.put("mentions", Documents.list(row.get("mentions", String[].class)));
        Documents.putDates(source, row.get("created_at", OffsetDateTime.class), row.get("edited_at", OffsetDateTime.class));
        Documents.putVotes(source, row.get("upvotes", Integer.class), row.get("downvotes", Integer.class));
        return new SearchDocument(id, version, false, source);
    }
}
