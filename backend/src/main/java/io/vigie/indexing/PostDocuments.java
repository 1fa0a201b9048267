package io.vigie.indexing;

import io.r2dbc.spi.Readable;
import io.vigie.content.UserText;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds the search documents of posts from PostgreSQL, the source of truth. */
@Component
class PostDocuments {

    /** A post as the index stores it; {@code deleted} posts are removed from the index instead. */
    record PostDocument(UUID id, long version, boolean deleted, Map<String, Object> source) {}

    private final DatabaseClient db;
    private final UserText text;

    PostDocuments(DatabaseClient db, UserText text) {
        this.db = db;
        this.text = text;
    }

    Flux<PostDocument> load(Collection<UUID> ids) {
        return db.sql("""
                        SELECT p.id, p.version, p.deleted_at, p.space_id, s.name AS space_name, s.slug AS space_slug,
                               s.kind AS space_kind, p.author_id, a.username, a.display_name, a.department,
                               p.body_markdown, p.body_html, p.hashtags, p.mentions, p.upvotes, p.downvotes,
                               p.comment_count, p.pinned, p.created_at, p.edited_at
                        FROM post p
                        JOIN space s ON s.id = p.space_id
                        JOIN person a ON a.id = p.author_id
                        WHERE p.id = ANY(:ids)
                        """)
                .bind("ids", ids.toArray(UUID[]::new))
                .map(this::toDocument)
                .all();
    }

    private PostDocument toDocument(Readable row) {
        UUID id = row.get("id", UUID.class);
        int upvotes = row.get("upvotes", Integer.class);
        int downvotes = row.get("downvotes", Integer.class);
        int score = upvotes - downvotes;
        OffsetDateTime created = row.get("created_at", OffsetDateTime.class);
        OffsetDateTime edited = row.get("edited_at", OffsetDateTime.class);
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("type", "post");
        source.put("item_id", id.toString());
        source.put("space_id", row.get("space_id", UUID.class).toString());
        source.put("space_name", row.get("space_name", String.class));
        source.put("space_slug", row.get("space_slug", String.class));
        source.put("space_visibility", row.get("space_kind", String.class));
        source.put("author_id", row.get("author_id", UUID.class).toString());
        source.put("author_username", row.get("username", String.class));
        source.put("author_name", row.get("display_name", String.class));
        source.put("department", row.get("department", String.class));
        source.put("body", text.plainText(row.get("body_markdown", String.class)));
        source.put("body_html", row.get("body_html", String.class));
        source.put("tags", list(row.get("hashtags", String[].class)));
        source.put("mentions", list(row.get("mentions", String[].class)));
        source.put("created_at", created.toInstant().toString());
        source.put("updated_at", (edited != null ? edited : created).toInstant().toString());
        source.put("edited_at", edited == null ? null : edited.toInstant().toString());
        source.put("score", score);
        source.put("upvotes", upvotes);
        source.put("downvotes", downvotes);
        source.put("positive_score", Math.max(0, score));
        source.put("comment_count", row.get("comment_count", Integer.class));
        source.put("pinned", row.get("pinned", Boolean.class));
        return new PostDocument(id, row.get("version", Long.class), row.get("deleted_at", OffsetDateTime.class) != null, source);
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }
}
