package io.vigie.directory;

import io.vigie.moderation.AuditLog;
import io.vigie.people.People;
import io.vigie.security.Roles;
import io.vigie.spaces.Departments;
import io.vigie.web.ApiProblems;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What admins do to people and departments: each change goes to Keycloak first (the source of
 * truth), then Vigie follows at once (department space, roles and a disabled account as Vigie
 * records them) and the audit log records who did it and why.
 */
@Service
class DirectoryService {

    /** The realm roles an admin may give or take; Keycloak's technical roles are not shown. */
    static final List<String> ROLES = List.of(Roles.EMPLOYEE, Roles.MODERATOR, Roles.ADMIN, Roles.DEPARTMENT_HEAD);

    record PersonEntry(String id, String username, String name, String email, boolean enabled, List<String> roles,
                       String department, Instant lastSignIn, Instant createdAt) {}

    record PeoplePage(long total, int page, int size, List<PersonEntry> people) {}

    record DepartmentEntry(String id, String name, int members, UUID spaceId, String spaceSlug) {}

    record Created(PersonEntry person, String temporaryPassword) {}

    /**
     * People's details (groups, roles, last sign-in: three calls each) are read eight people at a
     * time: a page of 20 costs three rounds, not five, and Keycloak is not flooded.
     */
    private static final int DETAIL_CONCURRENCY = 8;
    private static final int MAX_MEMBERS_COUNTED = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** No look-alike characters in a password someone has to type once. */
    private static final String PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final KeycloakDirectory keycloak;
    private final People people;
    private final Departments departments;
    private final AuditLog audit;

    DirectoryService(KeycloakDirectory keycloak, People people, Departments departments, AuditLog audit) {
        this.keycloak = keycloak;
        this.people = people;
        this.departments = departments;
        this.audit = audit;
    }

    // --- people

    Mono<PeoplePage> people(String text, int page, int size) {
        return Mono.zip(keycloak.countAccounts(text), keycloak.accounts(text, page * size, size))
                .flatMap(found -> Flux.fromIterable(found.getT2())
                        .flatMapSequential(this::entry, DETAIL_CONCURRENCY)
                        .collectList()
                        .map(entries -> new PeoplePage(found.getT1(), page, size, entries)));
    }

    Mono<PersonEntry> person(String id) {
        return keycloak.account(id).flatMap(this::entry);
    }

    private Mono<PersonEntry> entry(KeycloakDirectory.Account account) {
        return Mono.zip(keycloak.groupsOf(account.id()), keycloak.realmRolesOf(account.id()), keycloak.lastSignIn(account.id()))
                .map(details -> new PersonEntry(account.id(), account.username(), nameOf(account), account.email(),
                        !Boolean.FALSE.equals(account.enabled()),
                        ROLES.stream().filter(details.getT2()::contains).toList(),
                        details.getT1().stream().map(DirectoryService::departmentOf).findFirst().orElse(null),
                        details.getT3().orElse(null),
                        account.createdTimestamp() == null ? null : Instant.ofEpochMilli(account.createdTimestamp())));
    }

    private static String nameOf(KeycloakDirectory.Account account) {
        String name = (Objects.requireNonNullElse(account.firstName(), "") + " " + Objects.requireNonNullElse(account.lastName(), "")).strip();
        return name.isEmpty() ? account.username() : name;
    }

    /** A department group's name for Vigie: its {@code department} attribute (what the token carries), else its name. */
    private static String departmentOf(KeycloakDirectory.Group group) {
        List<String> values = group.attributes() == null ? null : group.attributes().get("department");
        return values == null || values.isEmpty() ? group.name() : values.getFirst();
    }

    Mono<Created> create(UUID actor, DirectoryController.NewPerson request) {
        String password = request.temporaryPassword() == null || request.temporaryPassword().isBlank()
                ? temporaryPassword() : request.temporaryPassword();
        Mono<Optional<KeycloakDirectory.Group>> department = request.department() == null || request.department().isBlank()
                ? Mono.just(Optional.empty())
                : departmentNamed(request.department()).map(Optional::of);
        return department
                .flatMap(group -> keycloak.create(new KeycloakDirectory.NewAccount(request.username().strip().toLowerCase(java.util.Locale.ROOT),
                        request.firstName().strip(), request.lastName().strip(), request.email().strip(),
                        group.map(KeycloakDirectory.Group::path).orElse(null), password)))
                .flatMap(id -> keycloak.grant(id, Roles.EMPLOYEE)
                        .then(audit.record(actor, "person.create", "person", request.username(),
                                "department " + Objects.requireNonNullElse(request.department(), "none")))
                        .then(person(id)))
                .map(person -> new Created(person, password));
    }

    private static String temporaryPassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }

    Mono<PersonEntry> grant(UUID actor, String id, String role) {
        return changeRole(actor, id, role, true);
    }

    Mono<PersonEntry> revoke(UUID actor, String id, String role) {
        if (role.equals(Roles.ADMIN) && id.equals(actor.toString())) {
            return Mono.error(ApiProblems.conflict("You cannot remove your own admin role: ask another admin."));
        }
        return changeRole(actor, id, role, false);
    }

    private Mono<PersonEntry> changeRole(UUID actor, String id, String role, boolean granted) {
        if (!ROLES.contains(role)) {
            return Mono.error(ApiProblems.invalid("role", "must be one of " + String.join(", ", ROLES)));
        }
        return person(id)
                .flatMap(before -> (granted ? keycloak.grant(id, role) : keycloak.revoke(id, role))
                        .then(keycloak.realmRolesOf(id))
                        .flatMap(roles -> people.rolesChanged(UUID.fromString(id), roles.stream().sorted().toList()))
                        .then(audit.record(actor, granted ? "role.grant" : "role.revoke", "person", before.username(), role)))
                .then(person(id));
    }

    /** Moves the person to the department (leaving every other one); their department space follows at once. */
    Mono<PersonEntry> move(UUID actor, String id, String departmentName, String reason) {
        return Mono.zip(person(id), departmentNamed(departmentName), keycloak.groupsOf(id))
                .flatMap(found -> {
                    KeycloakDirectory.Group target = found.getT2();
                    String targetName = departmentOf(target);
                    Flux<Void> leave = Flux.fromIterable(found.getT3())
                            .filter(group -> !group.id().equals(target.id()))
                            .concatMap(group -> keycloak.leaveGroup(id, group.id()));
                    return leave.then(keycloak.joinGroup(id, target.id()))
                            .then(people.departmentChanged(UUID.fromString(id), targetName))
                            // Someone Vigie has not met yet joins the space at their first sign-in.
                            .flatMap(known -> known ? departments.join(UUID.fromString(id), targetName) : Mono.empty())
                            .then(audit.record(actor, "person.department", "person", found.getT1().username(),
                                    "from " + Objects.requireNonNullElse(found.getT1().department(), "none") + " to " + targetName
                                            + (reason == null || reason.isBlank() ? "" : ": " + reason.strip())));
                })
                .then(person(id));
    }

    /**
     * Disabling ends the person's sessions in Keycloak (their refresh tokens stop working at once)
     * and Vigie refuses their remaining access tokens from now on.
     */
    Mono<PersonEntry> disable(UUID actor, String id, String reason) {
        if (id.equals(actor.toString())) {
            return Mono.error(ApiProblems.conflict("You cannot disable your own account."));
        }
        return person(id)
                .flatMap(before -> keycloak.setEnabled(id, false)
                        .then(keycloak.logout(id))
                        .then(people.disabled(UUID.fromString(id), true))
                        .then(audit.record(actor, "person.disable", "person", before.username(), reason)))
                .then(person(id));
    }

    Mono<PersonEntry> enable(UUID actor, String id, String reason) {
        return person(id)
                .flatMap(before -> keycloak.setEnabled(id, true)
                        .then(people.disabled(UUID.fromString(id), false))
                        .then(audit.record(actor, "person.enable", "person", before.username(), reason)))
                .then(person(id));
    }

    // --- departments

    Flux<DepartmentEntry> departments() {
        return keycloak.groups()
                .flatMapMany(Flux::fromIterable)
                .flatMapSequential(this::entry, DETAIL_CONCURRENCY)
                .sort(Comparator.comparing(department -> department.name().toLowerCase(java.util.Locale.ROOT)));
    }

    /** A department with its people count and its space (created if it was missing). */
    private Mono<DepartmentEntry> entry(KeycloakDirectory.Group group) {
        return Mono.zip(keycloak.members(group.id(), MAX_MEMBERS_COUNTED), departments.space(departmentOf(group)))
                .map(found -> new DepartmentEntry(group.id(), departmentOf(group), found.getT1().size(),
                        found.getT2().id(), found.getT2().slug()));
    }

    private Mono<KeycloakDirectory.Group> departmentNamed(String name) {
        return keycloak.groups()
                .flatMap(groups -> Mono.justOrEmpty(groups.stream()
                        .filter(group -> departmentOf(group).equalsIgnoreCase(name.strip()) || group.name().equalsIgnoreCase(name.strip()))
                        .findFirst()))
                .switchIfEmpty(Mono.error(() -> ApiProblems.invalid("department", "is not a department: create it first")));
    }

    /** A new department group, and its space in Vigie. */
    Mono<DepartmentEntry> createDepartment(UUID actor, String name) {
        String clean = name.strip();
        return keycloak.createGroup(clean)
                .flatMap(id -> departments.space(clean)
                        .flatMap(space -> audit.record(actor, "department.create", "department", clean, "")
                                .thenReturn(new DepartmentEntry(id, clean, 0, space.id(), space.slug()))));
    }

    /** The group, its members' department and the department's space all take the new name. */
    Mono<DepartmentEntry> renameDepartment(UUID actor, String id, String name) {
        String clean = name.strip();
        return keycloak.group(id)
                .flatMap(group -> {
                    String old = departmentOf(group);
                    return keycloak.renameGroup(id, clean)
                            .then(people.departmentRenamed(old, clean))
                            .then(departments.rename(old, clean))
                            .then(audit.record(actor, "department.rename", "department", clean, "from " + old));
                })
                .then(keycloak.group(id))
                .flatMap(this::entry);
    }

    /**
     * Only an empty department can go (moving its people is the admin's decision, not a side
     * effect); its space stays, as an open space, with everything written there.
     */
    Mono<Void> removeDepartment(UUID actor, String id, String reason) {
        return Mono.zip(keycloak.group(id), keycloak.members(id, MAX_MEMBERS_COUNTED))
                .flatMap(found -> {
                    int members = found.getT2().size();
                    if (members > 0) {
                        return Mono.error(ApiProblems.conflict("This department still has " + members
                                + (members == 1 ? " person" : " people") + ": move them to another department first."));
                    }
                    String name = departmentOf(found.getT1());
                    return keycloak.deleteGroup(id)
                            .then(departments.retire(name))
                            .then(audit.record(actor, "department.remove", "department", name, reason));
                });
    }
}
