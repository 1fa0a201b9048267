package io.vigie.support;

import org.springframework.r2dbc.core.DatabaseClient;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Writes people, articles, shares, votes and comments straight into PostgreSQL at chosen
 * instants, the way the benchmark's bulk loader does: the database's own triggers record the
 * engagement and queue it for the index, as for writes through the API. Trends need a past
 * (a baseline), which the API cannot backdate.
 */
public record Engagements(DatabaseClient db) {

    public UUID person(String department) {
        UUID id = UUID.randomUUID();
        String name = "trend-" + id.toString().substring(0, 8);
        db.sql("""
                        WITH p AS (INSERT INTO person (id, username, display_name, department) VALUES (:id, :name, :name, :department) RETURNING id)
                        INSERT INTO outbox (entity_type, entity_id) SELECT 'PERSON', id FROM p""")
                .bind("id", id).bind("name", name).bind("department", department).fetch().rowsUpdated().block();
        return id;
    }

    public List<UUID> people(int count, int departments) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> person("Dept-" + (i % departments))).toList();
    }

    public UUID article(String url, String title, List<String> keywords) {
        UUID id = UUID.randomUUID();
        db.sql("INSERT INTO article (id, url, title, keywords) VALUES (:id, :url, :title, :keywords)")
                .bind("id", id).bind("url", url).bind("title", title).bind("keywords", keywords.toArray(String[]::new))
                .fetch().rowsUpdated().block();
        return id;
    }

    /** A share (a post carrying the article) made {@code ago} before now. */
    public UUID share(UUID spaceId, UUID articleId, UUID personId, Duration ago, List<String> tags) {
        UUID id = UUID.randomUUID();
        db.sql("""
                        WITH p AS (INSERT INTO post (id, space_id, author_id, body_markdown, body_html, hashtags, article_id, created_at)
                                   VALUES (:id, :space, :person, '', '', :tags, :article, :at) RETURNING id)
                        INSERT INTO outbox (entity_type, entity_id) SELECT 'POST', id FROM p""")
                .bind("id", id).bind("space", spaceId).bind("person", personId).bind("tags", tags.toArray(String[]::new))
                .bind("article", articleId).bind("at", at(ago)).fetch().rowsUpdated().block();
        return id;
    }

    public void upvote(UUID postId, UUID personId, Duration ago) {
        db.sql("INSERT INTO vote (target_type, target_id, person_id, value, voted_at) VALUES ('post', :post, :person, 1, :at)")
                .bind("post", postId).bind("person", personId).bind("at", at(ago)).fetch().rowsUpdated().block();
    }

    private static OffsetDateTime at(Duration ago) {
        return Instant.now().minus(ago).atOffset(ZoneOffset.UTC);
    }
}
