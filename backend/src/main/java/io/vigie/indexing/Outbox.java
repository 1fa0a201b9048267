package io.vigie.indexing;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.UUID;

/**
 * Records that an entity changed and must be (re)indexed. Call it inside the transaction of the
 * change: the row commits with the change or not at all, so nothing is lost and nothing depends
 * on memory.
 */
@Component
public class Outbox {

    /** Kinds of entities the indexer knows how to load. */
    public enum EntityType { POST, COMMENT, SPACE, PERSON, ENGAGEMENT, COLLECTION }

    private final DatabaseClient db;

    Outbox(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> changed(EntityType type, UUID id) {
        return db.sql("INSERT INTO outbox (entity_type, entity_id) VALUES (:type, :id)")
                .bind("type", type.name())
                .bind("id", id)
                .fetch().rowsUpdated()
                .then();
    }

    /**
     * A space's name or kind changed: its own document and those of every post, comment and engagement in it
     * carry them, so all are re-indexed. Versions are bumped so Elasticsearch accepts the new
     * documents.
     */
    public Mono<Void> spaceChanged(UUID spaceId) {
        return db.sql("""
                        WITH space_row AS (UPDATE space SET version = version + 1 WHERE id = :space RETURNING id),
                             posts AS (UPDATE post SET version = version + 1 WHERE space_id = :space RETURNING id),
                             comments AS (UPDATE comment SET version = version + 1
                                          WHERE post_id IN (SELECT id FROM post WHERE space_id = :space) RETURNING id),
                             engagements AS (UPDATE engagement SET version = version + 1 WHERE space_id = :space RETURNING id)
                        INSERT INTO outbox (entity_type, entity_id)
                        SELECT 'SPACE', id FROM space_row
                        UNION ALL SELECT 'POST', id FROM posts
                        UNION ALL SELECT 'COMMENT', id FROM comments
                        UNION ALL SELECT 'ENGAGEMENT', id FROM engagements
                        """)
                .bind("space", spaceId)
                .fetch().rowsUpdated()
                .then();
    }

    /** A post was deleted: its comments leave the index with it. */
    public Mono<Void> commentsOfPostChanged(UUID postId) {
        return db.sql("""
                        WITH comments AS (UPDATE comment SET version = version + 1 WHERE post_id = :post RETURNING id)
                        INSERT INTO outbox (entity_type, entity_id) SELECT 'COMMENT', id FROM comments
                        """)
                .bind("post", postId)
                .fetch().rowsUpdated()
                .then();
    }
}
