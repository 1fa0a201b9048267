package io.vigie.articles;

import io.r2dbc.spi.Readable;
import io.vigie.links.PagePreview;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@Repository
class ArticleRepository {

    private final DatabaseClient db;

    ArticleRepository(DatabaseClient db) {
        this.db = db;
    }

    /** The article of a canonical URL, created with its preview the first time; its id either way. */
    Mono<UUID> upsert(String url, PagePreview preview) {
        return db.sql("""
                        INSERT INTO article (id, url, title, description, image_url, site_name, published_at, language, excerpt, fetched_at)
                        VALUES (:id, :url, :title, :description, :image, :site, :published, :language, :excerpt, now())
                        ON CONFLICT (url) DO UPDATE SET url = EXCLUDED.url
                        RETURNING id
                        """)
                .bind("id", UUID.randomUUID())
                .bind("url", url)
                .bind("title", text(preview.title()))
                .bind("description", text(preview.description()))
                .bind("image", text(preview.image()))
                .bind("site", text(preview.siteName()))
                .bind("published", Parameter.fromOrEmpty(preview.publishedAt() == null ? null
                        : preview.publishedAt().atOffset(java.time.ZoneOffset.UTC), OffsetDateTime.class))
                .bind("language", text(preview.language()))
                .bind("excerpt", text(preview.excerpt()))
                .map(row -> row.get("id", UUID.class))
                .one();
    }

    /** A new share, or empty when this person already shares this article in this space. */
    Mono<UUID> share(UUID articleId, UUID spaceId, UUID personId, String markdown, String html, List<String> tags) {
        UUID id = UUID.randomUUID();
        return db.sql("""
                        INSERT INTO share (id, article_id, space_id, person_id, comment_markdown, comment_html, tags)
                        VALUES (:id, :article, :space, :person, :markdown, :html, :tags)
                        ON CONFLICT DO NOTHING
                        RETURNING id
                        """)
                .bind("id", id).bind("article", articleId).bind("space", spaceId).bind("person", personId)
                .bind("markdown", markdown).bind("html", html).bind("tags", tags.toArray(String[]::new))
                .map(row -> row.get("id", UUID.class))
                .one();
    }

    Mono<ArticleViews.Article> article(UUID id) {
        return db.sql("""
                        SELECT id, url, title, description, image_url, site_name, published_at, language, upvotes, downvotes
                        FROM article WHERE id = :id""")
                .bind("id", id)
                .map(row -> {
                    int up = row.get("upvotes", Integer.class);
                    int down = row.get("downvotes", Integer.class);
                    return new ArticleViews.Article(row.get("id", UUID.class), row.get("url", String.class),
                            row.get("title", String.class), row.get("description", String.class), row.get("image_url", String.class),
                            row.get("site_name", String.class), instant(row.get("published_at", OffsetDateTime.class)),
                            row.get("language", String.class), up, down, up - down, 0, List.of());
                })
                .one();
    }

    /** The reader's own vote on an article: 1, -1 or 0. */
    Mono<Integer> myVote(UUID articleId, UUID personId) {
        return db.sql("SELECT value FROM vote WHERE target_type = 'article' AND target_id = :id AND person_id = :person")
                .bind("id", articleId).bind("person", personId)
                .map(row -> row.get("value", Short.class).intValue())
                .one()
                .defaultIfEmpty(0);
    }

    /**
     * Live shares of an article that a reader may see, newest first: the visibility rule in SQL
     * (open and department spaces, and the private ones the reader belongs to).
     */
    Flux<ArticleViews.Share> visibleShares(UUID articleId, Collection<UUID> memberOf) {
        return db.sql(SHARES + " WHERE sh.article_id = :article AND sh.deleted_at IS NULL"
                        + " AND (s.kind <> 'private' OR sh.space_id = ANY(:member)) ORDER BY sh.created_at DESC")
                .bind("article", articleId).bind("member", memberOf.toArray(UUID[]::new))
                .map(ArticleRepository::toShare).all();
    }

    /** The latest live shares in a space. */
    Flux<ArticleViews.Share> sharesIn(UUID spaceId, int limit) {
        return db.sql(SHARES + " WHERE sh.space_id = :space AND sh.deleted_at IS NULL ORDER BY sh.created_at DESC LIMIT :limit")
                .bind("space", spaceId).bind("limit", limit)
                .map(ArticleRepository::toShare).all();
    }

    private static final String SHARES = """
            SELECT sh.id, sh.article_id, sh.space_id, s.name AS space_name, sh.person_id, p.display_name, sh.comment_html,
                   sh.tags, sh.created_at
            FROM share sh JOIN space s ON s.id = sh.space_id JOIN person p ON p.id = sh.person_id""";

    private static ArticleViews.Share toShare(Readable row) {
        String[] tags = row.get("tags", String[].class);
        return new ArticleViews.Share(row.get("id", UUID.class), row.get("article_id", UUID.class),
                new ArticleViews.Ref(row.get("space_id", UUID.class).toString(), row.get("space_name", String.class)),
                new ArticleViews.Ref(row.get("person_id", UUID.class).toString(), row.get("display_name", String.class)),
                row.get("comment_html", String.class), tags == null ? List.of() : Arrays.asList(tags),
                row.get("created_at", OffsetDateTime.class));
    }

    private static Parameter text(String value) {
        return Parameter.fromOrEmpty(value, String.class);
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
