package io.vigie.spaces;

import io.vigie.indexing.Outbox;
import io.vigie.web.ApiProblems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.UUID;

/** Creating spaces, and joining, following and leaving them. */
@Service
public class SpaceService {

    private final SpaceRepository spaces;
    private final Outbox outbox;
    private final TransactionalOperator transaction;

    SpaceService(SpaceRepository spaces, Outbox outbox, TransactionalOperator transaction) {
        this.spaces = spaces;
        this.outbox = outbox;
        this.transaction = transaction;
    }

    /** A space the reader may see; 404 otherwise, so a private space's existence does not leak. */
    public Mono<Space> visibleSpace(Reader reader, UUID id) {
        return spaces.findById(id)
                .filter(space -> reader.mayRead(space.id(), space.kind()))
                .switchIfEmpty(Mono.error(() -> ApiProblems.notFound("This space")));
    }

    Flux<SpaceRepository.Listed> directory(Reader reader) {
        return spaces.directory(reader.personId());
    }

    Mono<SpaceRepository.Listed> listed(Reader reader, UUID id) {
        return spaces.listed(reader.personId(), id).switchIfEmpty(Mono.error(() -> ApiProblems.notFound("This space")));
    }

    /** Open or private spaces; department spaces come from the identity provider only. */
    Mono<Space> create(Reader reader, SpaceRequests.Create request) {
        SpaceKind kind = request.kind();
        if (kind == SpaceKind.DEPARTMENT) {
            throw ApiProblems.invalid("kind", "must be open or private: department spaces follow the departments in Keycloak");
        }
        Space draft = new Space(UUID.randomUUID(), Slugs.of(request.name()), request.name().strip(),
                request.descriptionOrEmpty(), kind, null, request.color(), null);
        return transaction.transactional(spaces.findBySlug(draft.slug())
                .flatMap(existing -> Mono.<Space>error(ApiProblems.conflict("A space named \"" + existing.name() + "\" already exists.")))
                .switchIfEmpty(Mono.defer(() -> spaces.insertIfAbsent(draft, reader.personId())))
                .flatMap(space -> spaces.setRole(space.id(), reader.personId(), "owner").thenReturn(space)));
    }

    /**
     * Owners (and moderators) change a space. A new name or kind is copied into every post's search
     * document, so the space's posts are queued for re-indexing in the same transaction: when a
     * space turns private, search and feeds stop showing its posts to outsiders within seconds.
     */
    Mono<Space> update(Reader reader, UUID id, SpaceRequests.Update request) {
        return visibleSpace(reader, id)
                .filter(space -> reader.owns(space.id()) || reader.moderator())
                .switchIfEmpty(Mono.error(() -> ApiProblems.forbidden("Only the space's owners can change it.")))
                .flatMap(space -> {
                    SpaceKind kind = request.kind() == null ? space.kind() : request.kind();
                    if (kind != space.kind() && (kind == SpaceKind.DEPARTMENT || space.kind() == SpaceKind.DEPARTMENT)) {
                        return Mono.error(ApiProblems.invalid("kind", "department spaces follow Keycloak's departments and keep their kind"));
                    }
                    String name = request.name().strip();
                    boolean indexedFieldsChange = kind != space.kind() || !name.equals(space.name());
                    Mono<Void> kindChange = kind == space.kind() ? Mono.empty()
                            : spaces.changeKind(space.id(), kind).then(kind == SpaceKind.PRIVATE
                                    // Followers of an open space are not members of the private one.
                                    ? spaces.removeFollowers(space.id()).then() : Mono.empty());
                    return transaction.transactional(spaces.update(space.id(), name, request.descriptionOrEmpty(), request.color())
                            .then(kindChange)
                            .then(indexedFieldsChange ? outbox.spaceChanged(space.id()) : Mono.empty()));
                })
                .then(spaces.findById(id));
    }

    /** Joining an open space; private spaces need an invitation, department spaces a department. */
    Mono<Void> join(Reader reader, UUID id) {
        return visibleSpace(reader, id).flatMap(space -> switch (space.kind()) {
            case OPEN -> spaces.setRole(space.id(), reader.personId(), "member").then();
            case PRIVATE -> reader.memberOf().contains(space.id()) ? Mono.empty()
                    : Mono.error(ApiProblems.forbidden("This space is private: ask an owner for an invitation."));
            case DEPARTMENT -> reader.memberOf().contains(space.id()) ? Mono.empty()
                    : Mono.error(ApiProblems.forbidden("Department spaces follow your department; follow this one instead."));
        });
    }

    /** Following puts a space's posts in the home feed without joining it. */
    Mono<Void> follow(Reader reader, UUID id) {
        return visibleSpace(reader, id).flatMap(space -> reader.memberOf().contains(space.id())
                ? Mono.empty()
                : spaces.setRole(space.id(), reader.personId(), "follower").then());
    }

    /** Leaving; the last owner of a space must hand it over first, and departments are not left by hand. */
    Mono<Void> leave(Reader reader, UUID id) {
        return visibleSpace(reader, id).flatMap(space -> {
            if (space.kind() == SpaceKind.DEPARTMENT && reader.memberOf().contains(space.id())) {
                return Mono.error(ApiProblems.conflict("You belong to this department's space while you are in the department."));
            }
            Mono<Void> lastOwnerCheck = reader.owns(space.id())
                    ? spaces.countOwners(space.id()).flatMap(owners -> owners <= 1
                            ? Mono.error(ApiProblems.conflict("You are the last owner: make someone else an owner first."))
                            : Mono.empty())
                    : Mono.empty();
            return lastOwnerCheck.then(spaces.removeMembership(space.id(), reader.personId())).then();
        });
    }
}
