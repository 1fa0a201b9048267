package io.vigie.spaces;

import io.vigie.indexing.Outbox;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import java.util.UUID;

/**
 * Department spaces follow Keycloak's department groups: a person belongs to their department's
 * space and to no other department's; a new department gets its space; a renamed one keeps its
 * space (and content) under the new name; a removed one leaves its space behind as an open space,
 * so nothing written there is lost or changes who may read it.
 */
@Service
public class Departments {

    private static final UUID NO_SPACE = new UUID(0, 0);

    private final SpaceRepository spaces;
    private final DatabaseClient db;
    private final Outbox outbox;
    private final TransactionalOperator transaction;

    Departments(SpaceRepository spaces, DatabaseClient db, Outbox outbox, TransactionalOperator transaction) {
        this.spaces = spaces;
        this.db = db;
        this.outbox = outbox;
        this.transaction = transaction;
    }

    /** The department's space, created on first need (same id for the same name on every machine). */
    public Mono<Space> space(String department) {
        return spaces.findByDepartment(department)
                .switchIfEmpty(Mono.defer(() -> spaces.insertIfAbsent(DepartmentSpaces.spaceFor(department), null)));
    }

    /** Makes the person a member of their department's space and of no other department's (none without a department). */
    public Mono<Void> join(UUID personId, String department) {
        if (department == null || department.isBlank()) {
            return spaces.leaveOtherDepartmentSpaces(personId, NO_SPACE).then();
        }
        return space(department)
                .flatMap(space -> spaces.setRole(space.id(), personId, "member")
                        .then(spaces.leaveOtherDepartmentSpaces(personId, space.id())))
                .then();
    }

    /** The department's space takes the new name; its posts are re-indexed with it. */
    public Mono<Void> rename(String from, String to) {
        return spaces.findByDepartment(from)
                .flatMap(space -> transaction.transactional(db.sql("UPDATE space SET name = :to, department = :to, updated_at = now() WHERE id = :id")
                        .bind("to", to).bind("id", space.id())
                        .fetch().rowsUpdated()
                        .then(outbox.spaceChanged(space.id()))))
                .then();
    }

    /** A removed department's space stays, as an open space (readable by everyone, as before). */
    public Mono<Void> retire(String department) {
        return spaces.findByDepartment(department)
                .flatMap(space -> transaction.transactional(db.sql("""
                                UPDATE space SET kind = 'open', department = NULL, updated_at = now() WHERE id = :id""")
                        .bind("id", space.id())
                        .fetch().rowsUpdated()
                        .then(outbox.spaceChanged(space.id()))))
                .then();
    }
}
