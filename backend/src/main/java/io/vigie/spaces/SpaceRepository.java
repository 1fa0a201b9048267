package io.vigie.spaces;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.OffsetDateTime;
import java.util.UUID;

@Repository
class SpaceRepository {

    private static final String COLUMNS = "s.id, s.slug, s.name, s.description, s.kind, s.department, s.color, s.created_at";

    /** A space with what the directory shows about it for one reader. */
    record Listed(Space space, long members, String role) {}

    /**
     * One row of what a reader belongs to: a space and the role in it, or (with the role
     * {@link #FOLLOWS_PERSON}) a person they follow. One query answers both for every request.
     */
    record Membership(UUID targetId, String role) {}

    /** The role of a followed person's row in {@link #membershipsOf}. */
    static final String FOLLOWS_PERSON = "follows-person";

    /** The row {@link #membershipsOf} adds for a disabled account. */
    static final String DISABLED = "disabled";

    private final DatabaseClient db;

    SpaceRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Space> findById(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM space s WHERE s.id = :id").bind("id", id)
                .map(SpaceRepository::toSpace).one();
    }

    Mono<Space> findBySlug(String slug) {
        return db.sql("SELECT " + COLUMNS + " FROM space s WHERE s.slug = :slug").bind("slug", slug)
                .map(SpaceRepository::toSpace).one();
    }

    Mono<Space> findByDepartment(String department) {
        return db.sql("SELECT " + COLUMNS + " FROM space s WHERE s.department = :department").bind("department", department)
                .map(SpaceRepository::toSpace).one();
    }

    private static final String LISTED = """
            SELECT %s,
                   (SELECT count(*) FROM space_membership m WHERE m.space_id = s.id AND m.role <> 'follower') AS members,
                   (SELECT m.role FROM space_membership m WHERE m.space_id = s.id AND m.person_id = :reader) AS my_role
            FROM space s
            WHERE (s.kind <> 'private'
                   OR EXISTS (SELECT 1 FROM space_membership m
                              WHERE m.space_id = s.id AND m.person_id = :reader AND m.role <> 'follower'))
            """.formatted(COLUMNS);

    /** Open and department spaces, and the private ones the reader belongs to, with member counts. */
    Flux<Listed> directory(UUID readerId) {
        return db.sql(LISTED + " ORDER BY s.kind = 'department', lower(s.name)")
                .bind("reader", readerId)
                .map(SpaceRepository::toListed)
                .all();
    }

    /** One space as the directory would list it for this reader; empty when the reader may not see it. */
    Mono<Listed> listed(UUID readerId, UUID spaceId) {
        return db.sql(LISTED + " AND s.id = :space")
                .bind("reader", readerId)
                .bind("space", spaceId)
                .map(SpaceRepository::toListed)
                .one();
    }

    private static Listed toListed(Readable row) {
        return new Listed(toSpace(row), row.get("members", Long.class), row.get("my_role", String.class));
    }

    Flux<Membership> membershipsOf(UUID personId) {
        return db.sql("""
                        SELECT space_id, role FROM space_membership WHERE person_id = :person
                        UNION ALL
                        SELECT followed_id, 'follows-person' FROM person_follow WHERE follower_id = :person
                        UNION ALL
                        -- A disabled account reads nothing, even with a token that has not expired yet.
                        SELECT id, 'disabled' FROM person WHERE id = :person AND disabled_at IS NOT NULL
                        """)
                .bind("person", personId)
                .map(row -> new Membership(row.get("space_id", UUID.class), row.get("role", String.class)))
                .all();
    }

    /** Inserts the space unless one with the same slug (or department) exists; returns the stored one. */
    Mono<Space> insertIfAbsent(Space space, UUID createdBy) {
        // The outbox row goes in the same statement: however a space is created, search hears of it.
        return db.sql("""
                        WITH inserted AS (
                            INSERT INTO space (id, slug, name, description, kind, department, color, created_by)
                            VALUES (:id, :slug, :name, :description, :kind, :department, :color, :createdBy)
                            ON CONFLICT DO NOTHING
                            RETURNING id)
                        INSERT INTO outbox (entity_type, entity_id) SELECT 'SPACE', id FROM inserted
                        """)
                .bind("id", space.id())
                .bind("slug", space.slug())
                .bind("name", space.name())
                .bind("description", space.description())
                .bind("kind", space.kind().value())
                .bind("department", Parameter.fromOrEmpty(space.department(), String.class))
                .bind("color", Parameter.fromOrEmpty(space.color(), String.class))
                .bind("createdBy", Parameter.fromOrEmpty(createdBy, UUID.class))
                .fetch().rowsUpdated()
                .then(findBySlug(space.slug()));
    }

    Mono<Long> update(UUID id, String name, String description, String color) {
        return db.sql("""
                        WITH updated AS (
                            UPDATE space SET name = :name, description = :description, color = :color, updated_at = now(),
                                             version = version + 1
                            WHERE id = :id RETURNING id)
                        INSERT INTO outbox (entity_type, entity_id) SELECT 'SPACE', id FROM updated
                        """)
                .bind("id", id).bind("name", name).bind("description", description)
                .bind("color", Parameter.fromOrEmpty(color, String.class))
                .fetch().rowsUpdated();
    }

    Mono<Long> changeKind(UUID id, SpaceKind kind) {
        return db.sql("UPDATE space SET kind = :kind, updated_at = now() WHERE id = :id")
                .bind("id", id).bind("kind", kind.value())
                .fetch().rowsUpdated();
    }

    Mono<Long> removeFollowers(UUID spaceId) {
        return db.sql("DELETE FROM space_membership WHERE space_id = :space AND role = 'follower'")
                .bind("space", spaceId)
                .fetch().rowsUpdated();
    }

    /** Sets the person's role in the space; an owner is never demoted by a join or a follow. */
    Mono<Long> setRole(UUID spaceId, UUID personId, String role) {
        return db.sql("""
                        INSERT INTO space_membership (space_id, person_id, role) VALUES (:space, :person, :role)
                        ON CONFLICT (space_id, person_id) DO UPDATE SET role = EXCLUDED.role
                        WHERE space_membership.role <> 'owner' OR EXCLUDED.role = 'owner'
                        """)
                .bind("space", spaceId).bind("person", personId).bind("role", role)
                .fetch().rowsUpdated();
    }

    Mono<Long> removeMembership(UUID spaceId, UUID personId) {
        return db.sql("DELETE FROM space_membership WHERE space_id = :space AND person_id = :person")
                .bind("space", spaceId).bind("person", personId)
                .fetch().rowsUpdated();
    }

    Mono<Long> countOwners(UUID spaceId) {
        return db.sql("SELECT count(*) AS owners FROM space_membership WHERE space_id = :space AND role = 'owner'")
                .bind("space", spaceId)
                .map(row -> row.get("owners", Long.class)).one();
    }

    /** Department membership follows the department claim: leave every other department's space. */
    Mono<Long> leaveOtherDepartmentSpaces(UUID personId, UUID keptSpaceId) {
        return db.sql("""
                        DELETE FROM space_membership m USING space s
                        WHERE m.space_id = s.id AND s.kind = 'department' AND m.person_id = :person
                          AND m.role <> 'follower' AND s.id <> :kept
                        """)
                .bind("person", personId)
                .bind("kept", keptSpaceId)
                .fetch().rowsUpdated();
    }

    static Space toSpace(Readable row) {
        return new Space(
                row.get("id", UUID.class),
                row.get("slug", String.class),
                row.get("name", String.class),
                row.get("description", String.class),
                SpaceKind.of(row.get("kind", String.class)),
                row.get("department", String.class),
                row.get("color", String.class),
                row.get("created_at", OffsetDateTime.class));
    }
}
