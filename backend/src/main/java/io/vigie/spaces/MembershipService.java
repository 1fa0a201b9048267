package io.vigie.spaces;

import io.vigie.notifications.Notifier;
import io.vigie.people.People;
import io.vigie.web.ApiProblems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.UUID;

/** Who belongs to a space: invitations, requests to join, roles and removals. Owners decide. */
@Service
class MembershipService {

    private final SpaceService spaces;
    private final SpaceRepository repository;
    private final MembershipRepository memberships;
    private final People people;
    private final Notifier notifier;
    private final TransactionalOperator transaction;

    MembershipService(SpaceService spaces, SpaceRepository repository, MembershipRepository memberships, People people,
                      Notifier notifier, TransactionalOperator transaction) {
        this.spaces = spaces;
        this.repository = repository;
        this.memberships = memberships;
        this.people = people;
        this.notifier = notifier;
        this.transaction = transaction;
    }

    Flux<MembershipRepository.Member> members(Reader reader, UUID spaceId) {
        return spaces.visibleSpace(reader, spaceId).flatMapMany(space -> memberships.members(space.id()));
    }

    Mono<Void> invite(Reader reader, UUID spaceId, String username) {
        return ownedSpace(reader, spaceId).flatMap(space -> people.byUsername(username)
                .switchIfEmpty(Mono.error(() -> ApiProblems.invalid("username", "is not someone Vigie knows yet")))
                .flatMap(person -> memberships.members(space.id()).any(member -> member.personId().equals(person.id()))
                        .flatMap(already -> already
                                ? Mono.error(ApiProblems.conflict(person.displayName() + " is already a member."))
                                : transaction.transactional(memberships.invite(space.id(), person.id(), reader.personId())
                                        .flatMap(added -> added > 0 ? notifier.invited(reader.personId(), person.id(), space.id())
                                                : Mono.empty())))));
    }

    Flux<MembershipRepository.Invitation> invitations(Reader reader) {
        return memberships.invitationsOf(reader.personId());
    }

    /** Accepting needs an invitation: without one the space stays invisible (404). */
    Mono<Void> accept(Reader reader, UUID spaceId) {
        return transaction.transactional(memberships.takeInvitation(spaceId, reader.personId())
                .flatMap(invited -> invited
                        ? repository.setRole(spaceId, reader.personId(), "member").then()
                        : Mono.error(ApiProblems.notFound("This invitation"))));
    }

    Mono<Void> decline(Reader reader, UUID spaceId) {
        return memberships.takeInvitation(spaceId, reader.personId()).then();
    }

    /**
     * Asking to join a private space. The answer is the same whether or not the space exists, so a
     * request reveals nothing; owners see the real ones.
     */
    Mono<Void> request(Reader reader, UUID spaceId, String message) {
        if (reader.memberOf().contains(spaceId)) {
            return Mono.empty();
        }
        return transaction.transactional(memberships.request(spaceId, reader.personId(), message == null ? "" : message.strip())
                .flatMap(recorded -> recorded > 0 ? notifier.requested(reader.personId(), spaceId) : Mono.empty()));
    }

    Flux<MembershipRepository.Request> requests(Reader reader, UUID spaceId) {
        return ownedSpace(reader, spaceId).flatMapMany(space -> memberships.requests(space.id()));
    }

    Mono<Void> approve(Reader reader, UUID spaceId, UUID personId) {
        return ownedSpace(reader, spaceId).flatMap(space -> transaction.transactional(
                memberships.takeRequest(space.id(), personId).flatMap(asked -> asked
                        ? repository.setRole(space.id(), personId, "member").then()
                        : Mono.error(ApiProblems.notFound("This request")))));
    }

    Mono<Void> reject(Reader reader, UUID spaceId, UUID personId) {
        return ownedSpace(reader, spaceId).flatMap(space -> memberships.takeRequest(space.id(), personId)).then();
    }

    /** Makes a member an owner, or an owner a member (never the last owner). */
    Mono<Void> setRole(Reader reader, UUID spaceId, UUID personId, String role) {
        if (!"owner".equals(role) && !"member".equals(role)) {
            return Mono.error(ApiProblems.invalid("role", "must be owner or member"));
        }
        return ownedSpace(reader, spaceId).flatMap(space -> member(space.id(), personId)
                .flatMap(member -> "member".equals(role) && "owner".equals(member.role())
                        ? notLastOwner(space.id()).then(repository.setRole(space.id(), personId, role))
                        : repository.setRole(space.id(), personId, role))
                .then());
    }

    /** Removes someone from a space; departments follow Keycloak, and a space keeps an owner. */
    Mono<Void> remove(Reader reader, UUID spaceId, UUID personId) {
        return ownedSpace(reader, spaceId).flatMap(space -> {
            if (space.kind() == SpaceKind.DEPARTMENT) {
                return Mono.error(ApiProblems.conflict("Department spaces follow the departments in Keycloak."));
            }
            return member(space.id(), personId)
                    .flatMap(member -> "owner".equals(member.role()) ? notLastOwner(space.id()) : Mono.empty())
                    .then(repository.removeMembership(space.id(), personId))
                    .then();
        });
    }

    private Mono<MembershipRepository.Member> member(UUID spaceId, UUID personId) {
        return memberships.members(spaceId).filter(member -> member.personId().equals(personId)).next()
                .switchIfEmpty(Mono.error(() -> ApiProblems.notFound("This member")));
    }

    private Mono<Void> notLastOwner(UUID spaceId) {
        return repository.countOwners(spaceId).flatMap(owners -> owners <= 1
                ? Mono.error(ApiProblems.conflict("A space needs an owner: make someone else an owner first."))
                : Mono.empty());
    }

    private Mono<Space> ownedSpace(Reader reader, UUID spaceId) {
        return spaces.visibleSpace(reader, spaceId)
                .filter(space -> reader.owns(space.id()) || reader.moderator())
                .switchIfEmpty(Mono.error(() -> ApiProblems.forbidden("Only the space's owners can do this.")));
    }
}
