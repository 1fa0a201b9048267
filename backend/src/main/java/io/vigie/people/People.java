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

    /** Creates or refreshes the person a valid token describes, and returns them. */
    public Mono<Person> signIn(Jwt token) {
        return repository.upsert(TokenIdentity.of(token));
    }

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
}
