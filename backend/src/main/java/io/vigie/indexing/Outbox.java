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

    public Mono<Void> changed(EntityType type, UUID id) {
        return db.sql("INSERT INTO outbox (entity_type, entity_id) VALUES (:type, :id)")
                .bind("type", type.name())
                .bind("id", id)
                .fetch().rowsUpdated()
                .then();
    }
}
