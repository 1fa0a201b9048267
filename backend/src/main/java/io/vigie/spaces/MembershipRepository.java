package io.vigie.spaces;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Invitations, requests and the member list of spaces. */
@Repository
class MembershipRepository {

    record Member(UUID personId, String username, String name, String department, String role) {}

    record Invitation(UUID spaceId, String spaceName, String spaceSlug, UUID invitedBy, String invitedByName, OffsetDateTime at) {}

    record Request(UUID personId, String username, String name, String message, OffsetDateTime at) {}

    private final DatabaseClient db;

    MembershipRepository(DatabaseClient db) {
        this.db = db;
    }

    Flux<Member> members(UUID spaceId) {
        return db.sql("""
                        SELECT p.id, p.username, p.display_name, p.department, m.role
                        FROM space_membership m JOIN person p ON p.id = m.person_id
                        WHERE m.space_id = :space AND m.role <> 'follower'
                        ORDER BY m.role = 'owner' DESC, lower(p.display_name)
                        """)
                .bind("space", spaceId)
                .map(row -> new Member(row.get("id", UUID.class), row.get("username", String.class),
                        row.get("display_name", String.class), row.get("department", String.class), row.get("role", String.class)))
                .all();
    }

    Mono<Long> invite(UUID spaceId, UUID personId, UUID invitedBy) {
        return db.sql("""
                        INSERT INTO space_invitation (space_id, person_id, invited_by) VALUES (:space, :person, :by)
                        ON CONFLICT (space_id, person_id) DO NOTHING
                        """)
                .bind("space", spaceId).bind("person", personId).bind("by", invitedBy)
                .fetch().rowsUpdated();
    }

    Flux<Invitation> invitationsOf(UUID personId) {
        return db.sql("""
                        SELECT i.space_id, s.name, s.slug, i.invited_by, p.display_name, i.created_at
                        FROM space_invitation i JOIN space s ON s.id = i.space_id JOIN person p ON p.id = i.invited_by
                        WHERE i.person_id = :person ORDER BY i.created_at DESC
                        """)
                .bind("person", personId)
                .map(row -> new Invitation(row.get("space_id", UUID.class), row.get("name", String.class),
                        row.get("slug", String.class), row.get("invited_by", UUID.class), row.get("display_name", String.class),
                        row.get("created_at", OffsetDateTime.class)))
                .all();
    }

    /** Removes the invitation; true if there was one. */
    Mono<Boolean> takeInvitation(UUID spaceId, UUID personId) {
        return db.sql("DELETE FROM space_invitation WHERE space_id = :space AND person_id = :person")
                .bind("space", spaceId).bind("person", personId)
                .fetch().rowsUpdated().map(count -> count > 0);
    }

    /** Records a request to join; silently nothing for a space that does not exist. */
    Mono<Long> request(UUID spaceId, UUID personId, String message) {
        return db.sql("""
                        INSERT INTO space_request (space_id, person_id, message)
                        SELECT id, :person, :message FROM space WHERE id = :space AND kind = 'private'
                        ON CONFLICT (space_id, person_id) DO UPDATE SET message = EXCLUDED.message, created_at = now()
                        """)
                .bind("space", spaceId).bind("person", personId).bind("message", message)
                .fetch().rowsUpdated();
    }

    Flux<Request> requests(UUID spaceId) {
        return db.sql("""
                        SELECT r.person_id, p.username, p.display_name, r.message, r.created_at
                        FROM space_request r JOIN person p ON p.id = r.person_id
                        WHERE r.space_id = :space ORDER BY r.created_at
                        """)
                .bind("space", spaceId)
                .map(row -> new Request(row.get("person_id", UUID.class), row.get("username", String.class),
                        row.get("display_name", String.class), row.get("message", String.class),
                        row.get("created_at", OffsetDateTime.class)))
                .all();
    }

    Mono<Boolean> takeRequest(UUID spaceId, UUID personId) {
        return db.sql("DELETE FROM space_request WHERE space_id = :space AND person_id = :person")
                .bind("space", spaceId).bind("person", personId)
                .fetch().rowsUpdated().map(count -> count > 0);
    }
}
