package io.vigie.people;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Collection;

/** What other features may ask about people. */
@Service
public class People {

    private final PersonRepository repository;

    People(PersonRepository repository) {
        this.repository = repository;
    }

    /**
     * Creates or refreshes the person a valid token describes, and returns them. A disabled
     * account's remaining tokens are refused here, before they expire.
     */
    public Mono<Person> signIn(Jwt token) {
        return repository.upsert(TokenIdentity.of(token))
                .flatMap(person -> person.disabledAt() == null ? Mono.just(person) : Mono.error(DISABLED.get()));
    }

    /** What a disabled account's requests get. */
    public static final java.util.function.Supplier<RuntimeException> DISABLED =
            () -> io.vigie.web.ApiProblems.unauthorized("An administrator disabled this account.");

    public Mono<Person> byId(java.util.UUID id) {
        return repository.findById(id);
    }

    public Mono<Person> byUsername(String username) {
        return repository.findByUsername(username);
    }

    /** The people among these usernames who exist (for resolving @mentions). */
    public Flux<Person> byUsernames(Collection<String> usernames) {
        return usernames.isEmpty() ? Flux.empty() : repository.findByUsernames(usernames);
    }

    /**
     * An admin moved the person to another department (null: none); stale tokens will not undo it.
     * False when Vigie has not met the person yet (their first sign-in will bring the department).
     */
    public Mono<Boolean> departmentChanged(java.util.UUID id, String department) {
        return repository.changeDirectoryFacts(id, department, null, false, true).map(updated -> updated > 0);
    }

    /** An admin changed the person's realm roles; stale tokens will not undo it in Vigie's records. */
    public Mono<Void> rolesChanged(java.util.UUID id, java.util.List<String> roles) {
        return repository.changeDirectoryFacts(id, null, roles, true, false).then();
    }

    public Mono<Void> departmentRenamed(String from, String to) {
        return repository.renameDepartment(from, to).then();
    }

    /** A disabled person's remaining tokens are refused from now on (see {@link #signIn}). */
    public Mono<Void> disabled(java.util.UUID id, boolean disabled) {
        return repository.setDisabled(id, disabled).then();
    }
}
