package io.vigie.profiles;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import java.time.OffsetDateTime;
import java.util.UUID;

@Repository
class FollowRepository {

    private final DatabaseClient db;

    FollowRepository(DatabaseClient db) {
        this.db = db;
    }

    /** The profile of a username with the reader's view of it, in one statement; empty when unknown. */
    Mono<Profile> profile(String username, UUID readerId) {
        return db.sql("""
                        SELECT p.id, p.username, p.display_name, p.department, p.created_at,
                               (SELECT count(*) FROM person_follow f WHERE f.followed_id = p.id) AS followers,
                               (SELECT count(*) FROM person_follow f WHERE f.follower_id = p.id) AS following,
                               EXISTS (SELECT 1 FROM person_follow f WHERE f.followed_id = p.id AND f.follower_id = :reader) AS followed
                        FROM person p WHERE p.username = :username
                        """)
                .bind("username", username)
                .bind("reader", readerId)
                .map(row -> {
                    UUID id = row.get("id", UUID.class);
                    return new Profile(id, row.get("username", String.class), row.get("display_name", String.class),
                            row.get("department", String.class), row.get("created_at", OffsetDateTime.class),
                            row.get("followers", Long.class), row.get("following", Long.class),
                            Boolean.TRUE.equals(row.get("followed", Boolean.class)), id.equals(readerId));
                })
                .one();
    }

    /** Idempotent: following twice is one follow. */
    Mono<Void> follow(UUID follower, UUID followed) {
        return db.sql("INSERT INTO person_follow (follower_id, followed_id) VALUES (:follower, :followed) ON CONFLICT DO NOTHING")
                .bind("follower", follower).bind("followed", followed)
                .fetch().rowsUpdated().then();
    }

    Mono<Void> unfollow(UUID follower, UUID followed) {
        return db.sql("DELETE FROM person_follow WHERE follower_id = :follower AND followed_id = :followed")
                .bind("follower", follower).bind("followed", followed)
                .fetch().rowsUpdated().then();
    }
}
