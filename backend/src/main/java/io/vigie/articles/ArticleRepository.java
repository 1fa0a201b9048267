package io.vigie.articles;

import io.vigie.links.PagePreview;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

    /** The article of a canonical URL, created with its preview and themes the first time; its id either way. */
    Mono<UUID> upsert(String url, PagePreview preview) {
        return db.sql("""
                        INSERT INTO article (id, url, title, description, image_url, site_name, published_at, language, excerpt,
                                             keywords, fetched_at)
                        VALUES (:id, :url, :title, :description, :image, :site, :published, :language, :excerpt, :keywords, now())
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
                        : preview.publishedAt().atOffset(ZoneOffset.UTC), OffsetDateTime.class))
                .bind("language", text(preview.language()))
                .bind("excerpt", text(preview.excerpt()))
                .bind("keywords", Keywords.of(preview.title(), preview.description()).toArray(String[]::new))
                .map(row -> row.get("id", UUID.class))
                .one();
    }

    Mono<ArticleViews.Article> article(UUID id) {
        return articles(List.of(id)).next();
    }

    /** The latest live shares in a space, newest first. */
    Flux<UUID> sharesIn(UUID spaceId, int limit) {
        return db.sql("""
                        SELECT id FROM post WHERE space_id = :space AND article_id IS NOT NULL AND deleted_at IS NULL AND hidden_at IS NULL
                        ORDER BY created_at DESC LIMIT :limit""")
                .bind("space", spaceId).bind("limit", limit)
                .map(row -> row.get("id", UUID.class)).all();
    }

    /** Cards of articles by id, for lists built from the index (trends, related articles), in no order. */
    Flux<ArticleViews.Article> articles(Collection<UUID> ids) {
        return db.sql("""
                        SELECT id, url, title, description, image_url, site_name, published_at, language, keywords
                        FROM article WHERE id = ANY(:ids)""")
                .bind("ids", ids.toArray(UUID[]::new))
                .map(row -> {
                    String[] keywords = row.get("keywords", String[].class);
                    OffsetDateTime published = row.get("published_at", OffsetDateTime.class);
                    return new ArticleViews.Article(row.get("id", UUID.class), row.get("url", String.class),
                            row.get("title", String.class), row.get("description", String.class), row.get("image_url", String.class),
                            row.get("site_name", String.class), published == null ? null : published.toInstant(),
                            row.get("language", String.class), keywords == null ? List.of() : Arrays.asList(keywords), 0, 0, 0,
                            List.of());
                })
                .all();
    }

    private static Parameter text(String value) {
        return Parameter.fromOrEmpty(value, String.class);
    }
}
