package io.vigie.live;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.UUID;

/**
 * Announces a change to every API instance through PostgreSQL {@code NOTIFY}. Call it inside the
 * writing transaction: PostgreSQL delivers the notification only if the transaction commits, and
 * the event is built from the rows as that transaction sees them.
 */
@Component
public class LiveEvents {

    static final String CHANNEL = "vigie_events";

    private final DatabaseClient db;

    LiveEvents(DatabaseClient db) {
        this.db = db;
    }

    /** Tells one person's streams that they have a new notification (nothing about its content). */
    public Mono<Void> notificationFor(UUID personId) {
        return db.sql("""
                        SELECT pg_notify('%s', json_build_object('type', 'notification', 'personId', CAST(:person AS uuid),
                                                                 'upvotes', 0, 'downvotes', 0, 'commentCount', 0)::text)
                        """.formatted(CHANNEL))
                .bind("person", personId)
                .fetch().rowsUpdated()
                .then();
    }

    /** The same for many people in one statement (an advocacy item may reach the whole company). */
    public Mono<Void> notificationsFor(java.util.Collection<UUID> people) {
        if (people.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("""
                        SELECT pg_notify('%s', json_build_object('type', 'notification', 'personId', person,
                                                                 'upvotes', 0, 'downvotes', 0, 'commentCount', 0)::text)
                        FROM unnest(CAST(:people AS uuid[])) AS person
                        """.formatted(CHANNEL))
                .bind("people", people.toArray(UUID[]::new))
                .fetch().rowsUpdated()
                .then();
    }

    public Mono<Void> postChanged(String type, UUID postId) {
        return db.sql("""
                        SELECT pg_notify('%s', json_build_object(
                                   'type', CAST(:type AS text), 'postId', p.id, 'spaceId', p.space_id, 'spaceKind', s.kind,
                                   'authorId', p.author_id, 'upvotes', p.upvotes, 'downvotes', p.downvotes,
                                   'commentCount', p.comment_count)::text)
                        FROM post p JOIN space s ON s.id = p.space_id
                        WHERE p.id = :post
                        """.formatted(CHANNEL))
                .bind("type", type)
                .bind("post", postId)
                .fetch().rowsUpdated()
                .then();
    }
}
