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
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The search documents of posts, from PostgreSQL, the source of truth. */
@Component
class PostDocuments implements DocumentSource {

    private final DatabaseClient db;
    private final UserText text;

    PostDocuments(DatabaseClient db, UserText text) {
        this.db = db;
        this.text = text;
    }

    @Override
    public Outbox.EntityType type() {
        return Outbox.EntityType.POST;
    }

    @Override
    public Flux<SearchDocument> load(Collection<UUID> ids) {
        return db.sql("""
                        SELECT p.id, p.version, COALESCE(p.deleted_at, p.hidden_at) AS deleted_at, p.space_id, s.name AS space_name, s.slug AS space_slug,
                               s.kind AS space_kind, p.author_id, a.username, a.display_name, a.department,
                               p.body_markdown, p.body_html, p.hashtags, p.mentions, p.upvotes, p.downvotes,
                               p.comment_count, p.pinned, p.created_at, p.edited_at,
                               p.kind, p.title AS question_title, p.accepted_comment_id,
                               kt.display_name AS kudos_to_name, kv.label AS kudos_label,
                               p.article_id, ar.url AS article_url, ar.title AS article_title, ar.description AS article_description,
                               ar.image_url AS article_image, ar.site_name AS article_site, ar.excerpt AS article_excerpt,
                               (SELECT string_agg(o.label, E'\n' ORDER BY o.position) FROM poll_option o WHERE o.post_id = p.id) AS poll_options,
                               i.problem AS idea_problem, i.benefit AS idea_benefit
                        FROM post p
                        JOIN space s ON s.id = p.space_id
                        JOIN person a ON a.id = p.author_id
                        LEFT JOIN article ar ON ar.id = p.article_id
                        LEFT JOIN person kt ON kt.id = p.kudos_to
                        LEFT JOIN company_value kv ON kv.id = p.kudos_value
                        LEFT JOIN idea i ON i.post_id = p.id
                        WHERE p.id = ANY(:ids)
                        """)
                .bind("ids", ids.toArray(UUID[]::new))
                .map(this::toDocument)
                .all();
    }

    @Override
    public Flux<UUID> idsAfter(UUID after, int limit) {
        return db.sql("SELECT id FROM post WHERE deleted_at IS NULL AND hidden_at IS NULL AND id > :after ORDER BY id LIMIT :limit")
                .bind("after", after == null ? new UUID(0, 0) : after).bind("limit", limit)
                .map(row -> row.get("id", UUID.class)).all();
    }

    @Override
    public Mono<Long> count() {
        return db.sql("SELECT count(*) AS n FROM post WHERE deleted_at IS NULL AND hidden_at IS NULL").map(row -> row.get("n", Long.class)).one();
    }

    @Override
    public Flux<Versioned> versions() {
        return db.sql("SELECT id, version FROM post WHERE deleted_at IS NULL AND hidden_at IS NULL ORDER BY id")
                .map(row -> new Versioned(row.get("id", UUID.class), row.get("version", Long.class))).all();
    }

    private SearchDocument toDocument(Readable row) {
        UUID id = row.get("id", UUID.class);
        long version = row.get("version", Long.class);
        if (row.get("deleted_at", OffsetDateTime.class) != null) {
            return SearchDocument.gone(id, version);
        }
        List<String> tags = Documents.list(row.get("hashtags", String[].class));
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("type", "post");
        source.put("item_id", id.toString());
        Documents.putSpace(source, row);
        Documents.putAuthor(source, row);
        String body = text.plainText(row.get("body_markdown", String.class));
        UUID articleId = row.get("article_id", UUID.class);
        if (articleId != null) {
            putArticle(source, row, articleId);
            // The article's own words are found too: its description and a readable excerpt.
            body = String.join("\n", body, nonNull(row.get("article_description", String.class)),
                    nonNull(row.get("article_excerpt", String.class))).strip();
        }
        if ("question".equals(row.get("kind", String.class))) {
            // A question's title is found first, like an article's; its accepted answer makes it answered.
            source.put("kind", "question");
            source.put("title", row.get("question_title", String.class));
            UUID accepted = row.get("accepted_comment_id", UUID.class);
            if (accepted != null) {
                source.put("accepted_answer_id", accepted.toString());
            }
        }
        if ("idea".equals(row.get("kind", String.class)) || "challenge".equals(row.get("kind", String.class))) {
            // Ideas and challenges are found by their title first; an idea by its problem and benefit too
            // (its status and a challenge's jury and scores are read from PostgreSQL, never indexed).
            source.put("kind", row.get("kind", String.class));
            source.put("title", row.get("question_title", String.class));
            body = String.join("\n", body, nonNull(row.get("idea_problem", String.class)), nonNull(row.get("idea_benefit", String.class))).strip();
        }
        if ("kudos".equals(row.get("kind", String.class))) {
            // Kudos are found by the colleague thanked and the value, beside the message.
            source.put("kind", "kudos");
            body = String.join("\n", body, nonNull(row.get("kudos_to_name", String.class)), nonNull(row.get("kudos_label", String.class)));
        }
        String pollOptions = row.get("poll_options", String.class);
        if (pollOptions != null) {
            // A poll is found by its choices too (never by its ballots).
            body = String.join("\n", body, pollOptions);
        }
        source.put("body", body);
        source.put("body_html", row.get("body_html", String.class));
        source.put("tags", tags);
        source.put("mentions", Documents.list(row.get("mentions", String[].class)));
        Documents.putDates(source, row.get("created_at", OffsetDateTime.class), row.get("edited_at", OffsetDateTime.class));
        Documents.putVotes(source, row.get("upvotes", Integer.class), row.get("downvotes", Integer.class));
        source.put("comment_count", row.get("comment_count", Integer.class));
        source.put("pinned", row.get("pinned", Boolean.class));
        return new SearchDocument(id, version, false, source);
    }

    /** A share: the article's card, shown in feeds straight from the index. */
    private static void putArticle(Map<String, Object> source, Readable row, UUID articleId) {
        source.put("article_id", articleId.toString());
        source.put("title", row.get("article_title", String.class));
        source.put("article_url", row.get("article_url", String.class));
        source.put("article_description", row.get("article_description", String.class));
        source.put("article_image", row.get("article_image", String.class));
        String site = row.get("article_site", String.class);
        source.put("article_site", site != null && !site.isBlank() ? site : io.vigie.links.Canonical.hostOf(row.get("article_url", String.class)));
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
