package io.vigie.spaces;

import io.vigie.people.People;
import io.vigie.people.Person;
import io.vigie.security.Roles;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Turns a token into a {@link Reader}: who the person is and which spaces they belong to. Signing
 * in also keeps their department space membership in line with the department claim.
 */
@Service
public class Members {

    private final People people;
    private final SpaceRepository spaces;
    private final Departments departments;

    Members(People people, SpaceRepository spaces, Departments departments) {
        this.people = people;
        this.spaces = spaces;
        this.departments = departments;
    }

    /** The reader behind a token, for read paths: no write. */
    public Mono<Reader> reader(Jwt token) {
        return readerOf(UUID.fromString(token.getSubject()), Roles.moderates(token));
    }

    /**
     * Records the person (first call creates them), joins them to their department's space and
     * out of any other department's, and returns them as a reader. Write paths start here, so a
     * person who writes before ever opening the UI still exists.
     */
    public Mono<Reader> signIn(Jwt token) {
        return signInPerson(token)
                // Every write starts here: a suspended person may read, not write.
                .flatMap(person -> person.suspended()
                        ? Mono.<Person>error(io.vigie.web.ApiProblems.forbidden(
                                "A moderator suspended your account from writing until " + person.suspendedUntil().toInstant() + "."))
                        : Mono.just(person))
                .then(reader(token));
    }

    /** The same sign-in, answering with the person (for their own profile). */
    public Mono<Person> signInPerson(Jwt token) {
        return people.signIn(token).flatMap(person -> syncDepartment(person).thenReturn(person));
    }

    private Mono<Void> syncDepartment(Person person) {
        return departments.join(person.id(), person.department());
    }

    /**
     * A person as a plain reader, without a token (a personal feed address): their memberships
     * decide, never a moderator's rights.
     */
    public Mono<Reader> readerFor(UUID personId) {
        return readerOf(personId, false);
    }

    private Mono<Reader> readerOf(UUID personId, boolean moderator) {
        return spaces.membershipsOf(personId).collectList().handle((memberships, sink) -> {
            if (memberships.stream().anyMatch(membership -> SpaceRepository.DISABLED.equals(membership.role()))) {
                sink.error(People.DISABLED.get());
                return;
            }
            Set<UUID> memberOf = new HashSet<>();
            Set<UUID> ownerOf = new HashSet<>();
            Set<UUID> following = new HashSet<>();
            Set<UUID> followedPeople = new HashSet<>();
            for (SpaceRepository.Membership membership : memberships) {
                switch (membership.role()) {
                    case SpaceRepository.FOLLOWS_PERSON -> followedPeople.add(membership.targetId());
                    case "owner" -> {
                        ownerOf.add(membership.targetId());
                        memberOf.add(membership.targetId());
                    }
                    case "member" -> memberOf.add(membership.targetId());
                    default -> following.add(membership.targetId());
                }
            }
            sink.next(new Reader(personId, Set.copyOf(memberOf), Set.copyOf(ownerOf), Set.copyOf(following), Set.copyOf(followedPeople),
                    moderator));
        });
    }
}
