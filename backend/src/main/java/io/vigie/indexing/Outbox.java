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
    public enum EntityType { POST }

    private final DatabaseClient db;

    Outbox(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Every post of a space must be re-indexed (the space's name or kind, copied into each post's
     * document, changed). Their versions are bumped so Elasticsearch accepts the new documents.
     */
    public Mono<Void> postsOfSpaceChanged(UUID spaceId) {
        return db.sql("""
                        WITH bumped AS (UPDATE post SET version = version + 1 WHERE space_id = :space RETURNING id)
                        INSERT INTO outbox (entity_type, entity_id) SELECT 'POST', id FROM bumped
                        """)
                .bind("space", spaceId)
                .fetch().rowsUpdated()
                .then();
    }

    public Mono<Void> changed(EntityType type, UUID id) {
        return db.sql("INSERT INTO outbox (entity_type, entity_id) VALUES (:type, :id)")
                .bind("type", type.name())
                .bind("id", id)
                .fetch().rowsUpdated()
                .then();
    }
}
