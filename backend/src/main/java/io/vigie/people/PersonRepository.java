package io.vigie.people;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@Repository
class PersonRepository {

    private static final String COLUMNS = "id, username, display_name, email, department, roles, created_at, last_seen_at, suspended_until, disabled_at";

    /**
     * Whether the token was issued after an admin last changed the person's department or roles
     * through Vigie: an older token still carries the old claims, which must not be written back.
     */
    private static final String TOKEN_IS_CURRENT =
            "(person.directory_changed_at IS NULL OR CAST(:issuedAt AS timestamptz) >= person.directory_changed_at)";
    private static final String DEPARTMENT = "CASE WHEN " + TOKEN_IS_CURRENT + " THEN EXCLUDED.department ELSE person.department END";
    private static final String ROLES = "CASE WHEN " + TOKEN_IS_CURRENT + " THEN EXCLUDED.roles ELSE person.roles END";

    /** Whether an upsert changes what Keycloak says about the person. */
    private static final String CHANGED = """
            (person.username, person.display_name, person.email, person.department, person.roles)
            IS DISTINCT FROM
            (EXCLUDED.username, EXCLUDED.display_name, EXCLUDED.email, %s, %s)""".formatted(DEPARTMENT, ROLES);

    private final DatabaseClient db;

    PersonRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Creates the person on their first call and refreshes what Keycloak says about them on later
     * calls, in one statement, so two first calls at once cannot create two rows.
     */
    Mono<Person> upsert(TokenIdentity identity) {
        return releaseUsername(identity).then(db.sql("""
                        WITH upserted AS (
                            INSERT INTO person (id, username, display_name, email, department, roles)
                            VALUES (:id, :username, :displayName, :email, :department, :roles)
                            ON CONFLICT (id) DO UPDATE SET
                                username = EXCLUDED.username,
                                display_name = EXCLUDED.display_name,
                                email = EXCLUDED.email,
                                department = %3$s,
                                roles = %4$s,
                                updated_at = CASE WHEN %1$s THEN now() ELSE person.updated_at END,
                                version = CASE WHEN %1$s THEN person.version + 1 ELSE person.version END,
                                last_seen_at = now()
                            RETURNING %2$s, updated_at = now() AS changed),
                        -- A new or changed person is re-indexed, in the same statement (so also the same transaction).
                        queued AS (INSERT INTO outbox (entity_type, entity_id) SELECT 'PERSON', id FROM upserted WHERE changed),
                        -- The day counts as active for the KPIs (once per person and day).
                        active AS (INSERT INTO person_day (day, person_id) SELECT (now() AT TIME ZONE 'UTC')::date, id FROM upserted
                                   ON CONFLICT DO NOTHING)
                        SELECT %2$s FROM upserted
                        """.formatted(CHANGED, COLUMNS, DEPARTMENT, ROLES))
                .bind("id", identity.id())
                .bind("issuedAt", identity.issuedAt())
                .bind("username", identity.username())
                .bind("displayName", identity.displayName())
                .bind("email", nullable(identity.email()))
                .bind("department", nullable(identity.department()))
                .bind("roles", identity.roles().toArray(String[]::new))
                .map(PersonRepository::toPerson)
                .one());
    }

    /**
     * A username belongs to one Keycloak account at a time. If the account was recreated (new
     * subject, same username), the old row keeps its content under a suffixed username.
     */
    private Mono<Long> releaseUsername(TokenIdentity identity) {
        return db.sql("""
                        WITH released AS (
                            UPDATE person SET username = username || '~' || left(id::text, 8), version = version + 1
                            WHERE username = :username AND id <> :id RETURNING id)
                        INSERT INTO outbox (entity_type, entity_id) SELECT 'PERSON', id FROM released
                        """)
                .bind("username", identity.username())
                .bind("id", identity.id())
                .fetch().rowsUpdated();
    }

    Mono<Person> findById(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM person WHERE id = :id")
                .bind("id", id)
                .map(PersonRepository::toPerson)
                .one();
    }

    Mono<Person> findByUsername(String username) {
        return db.sql("SELECT " + COLUMNS + " FROM person WHERE username = :username")
                .bind("username", username)
                .map(PersonRepository::toPerson)
                .one();
    }

    Flux<Person> findByUsernames(Collection<String> usernames) {
        return db.sql("SELECT " + COLUMNS + " FROM person WHERE username = ANY(:usernames)")
                .bind("usernames", usernames.toArray(String[]::new))
                .map(PersonRepository::toPerson)
                .all();
    }

    private static org.springframework.r2dbc.core.Parameter nullable(String value) {
        return org.springframework.r2dbc.core.Parameter.fromOrEmpty(value, String.class);
    }

    /**
     * What an admin changed through Vigie, stamped so that a token issued earlier (still carrying
     * the old claims) does not write them back; re-indexed like any change of the person.
     */
    Mono<Long> changeDirectoryFacts(UUID id, String department, List<String> roles, boolean keepDepartment, boolean keepRoles) {
        return db.sql("""
                        WITH changed AS (
                            UPDATE person SET
                                department = CASE WHEN :keepDepartment THEN department ELSE CAST(:department AS text) END,
                                roles = CASE WHEN :keepRoles THEN roles ELSE CAST(:roles AS text[]) END,
                                directory_changed_at = now(), updated_at = now(), version = version + 1
                            WHERE id = :id RETURNING id)
                        INSERT INTO outbox (entity_type, entity_id) SELECT 'PERSON', id FROM changed
                        """)
                .bind("id", id)
                .bind("department", nullable(department))
                .bind("roles", roles == null ? new String[0] : roles.toArray(String[]::new))
                .bind("keepDepartment", keepDepartment)
                .bind("keepRoles", keepRoles)
                .fetch().rowsUpdated();
    }

    /** A department renamed: everyone in it follows, at once. */
    Mono<Long> renameDepartment(String from, String to) {
        return db.sql("""
                        WITH changed AS (
                            UPDATE person SET department = :to, directory_changed_at = now(), updated_at = now(), version = version + 1
                            WHERE department = :from RETURNING id)
                        INSERT INTO outbox (entity_type, entity_id) SELECT 'PERSON', id FROM changed
                        """)
                .bind("from", from).bind("to", to)
                .fetch().rowsUpdated();
    }

    Mono<Long> setDisabled(UUID id, boolean disabled) {
        return db.sql("UPDATE person SET disabled_at = CASE WHEN :disabled THEN now() END WHERE id = :id")
                .bind("id", id).bind("disabled", disabled)
                .fetch().rowsUpdated();
    }

    private static Person toPerson(Readable row) {
        String[] roles = row.get("roles", String[].class);
        return new Person(
                row.get("id", UUID.class),
                row.get("username", String.class),
                row.get("display_name", String.class),
                row.get("email", String.class),
                row.get("department", String.class),
                roles == null ? List.of() : Arrays.asList(roles),
                row.get("created_at", OffsetDateTime.class),
                row.get("last_seen_at", OffsetDateTime.class),
                row.get("suspended_until", OffsetDateTime.class),
                row.get("disabled_at", OffsetDateTime.class));
    }
}
