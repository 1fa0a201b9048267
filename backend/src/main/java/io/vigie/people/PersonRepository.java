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

    private static final String COLUMNS = "id, username, display_name, email, department, roles, created_at, last_seen_at, suspended_until";

    /** Whether an upsert changes what Keycloak says about the person. */
    private static final String CHANGED = """
            (person.username, person.display_name, person.email, person.department, person.roles)
            IS DISTINCT FROM
            (EXCLUDED.username, EXCLUDED.display_name, EXCLUDED.email, EXCLUDED.department, EXCLUDED.roles)""";

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
                                department = EXCLUDED.department,
                                roles = EXCLUDED.roles,
                                updated_at = CASE WHEN %1$s THEN now() ELSE person.updated_at END,
                                version = CASE WHEN %1$s THEN person.version + 1 ELSE person.version END,
                                last_seen_at = now()
                            RETURNING %2$s, updated_at = now() AS changed),
                        -- A new or changed person is re-indexed, in the same statement (so also the same transaction).
                        queued AS (INSERT INTO outbox (entity_type, entity_id) SELECT 'PERSON', id FROM upserted WHERE changed)
                        SELECT %2$s FROM upserted
                        """.formatted(CHANGED, COLUMNS))
                .bind("id", identity.id())
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
                row.get("suspended_until", OffsetDateTime.class));
    }
}
