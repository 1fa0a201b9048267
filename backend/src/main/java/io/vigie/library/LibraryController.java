package io.vigie.library;

import io.vigie.moderation.AuditLog;
import io.vigie.notifications.Notifier;
import io.vigie.posts.PostService;
import io.vigie.posts.PostView;
import io.vigie.spaces.Members;
import io.vigie.spaces.Reader;
import io.vigie.web.ApiProblems;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The inspiration library: everyone browses and searches collections (seeing only the items
 * they may read); moderators create them and put posts in them (a share brings its article).
 */
@RestController
class LibraryController {

    record CollectionRequest(String title, String description) {}

    record ItemRequest(UUID postId, String note) {}

    /** A collection with its items, as the reader may see them. */
    record CollectionView(UUID id, String title, String description, long items, OffsetDateTime updatedAt, List<ItemView> entries) {}

    record ItemView(PostView post, String note, OffsetDateTime addedAt) {}

    private final Members members;
    private final Library library;
    private final PostService posts;
    private final AuditLog audit;

    private final Notifier notifier;
    private final TransactionalOperator transaction;

    LibraryController(Members members, Library library, PostService posts, AuditLog audit, Notifier notifier,
                      TransactionalOperator transaction) {
        this.notifier = notifier;
        this.transaction = transaction;
        this.members = members;
        this.library = library;
        this.posts = posts;
        this.audit = audit;
    }

    @GetMapping("/api/library")
    Flux<Library.Summary> collections(@AuthenticationPrincipal Jwt token, @RequestParam(required = false) String q) {
        return members.reader(token).flatMapMany(reader -> library.collections(q, reader.memberOf()));
    }

    @GetMapping("/api/library/{id}")
    Mono<CollectionView> collection(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return members.reader(token).flatMap(reader -> library.collection(id, reader.memberOf())
                .flatMap(summary -> library.items(id, reader.memberOf())
                        // Read as the reader, once more: an item that turned unreadable since the listing is left out.
                        .concatMap(item -> posts.view(reader, item.postId())
                                .map(post -> new ItemView(post, item.note(), item.addedAt()))
                                .onErrorResume(unreadable -> Mono.empty()))
                        .collectList()
                        .map(items -> new CollectionView(summary.id(), summary.title(), summary.description(), items.size(),
                                summary.updatedAt(), items))));
    }

    @PostMapping("/api/library")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Library.Summary> create(@AuthenticationPrincipal Jwt token, @RequestBody CollectionRequest request) {
        return curator(token).flatMap(reader -> checked(request)
                .flatMap(valid -> library.create(reader.personId(), valid.title(), valid.description()))
                .flatMap(id -> audit.record(reader.personId(), "library-create", "collection", id.toString(), request.title())
                        .then(library.collection(id, reader.memberOf()))));
    }

    @PutMapping("/api/library/{id}")
    Mono<Library.Summary> update(@AuthenticationPrincipal Jwt token, @PathVariable UUID id, @RequestBody CollectionRequest request) {
        return curator(token).flatMap(reader -> checked(request)
                .flatMap(valid -> library.update(id, valid.title(), valid.description()))
                .then(library.collection(id, reader.memberOf())));
    }

    @DeleteMapping("/api/library/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return curator(token).flatMap(reader -> library.delete(id)
                .then(audit.record(reader.personId(), "library-delete", "collection", id.toString(), "")));
    }

    /** Puts a post the curator may read into a collection (again: changes its note). */
    @PostMapping("/api/library/{id}/items")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> add(@AuthenticationPrincipal Jwt token, @PathVariable UUID id, @RequestBody ItemRequest request) {
        String note = request.note() == null ? "" : request.note().strip();
        return curator(token).flatMap(reader -> {
            if (request.postId() == null) {
                return Mono.error(ApiProblems.invalid("postId", "name the post to add"));
            }
            if (note.length() > 500) {
                return Mono.error(ApiProblems.invalid("note", "is " + note.length() + " characters long; the limit is 500"));
            }
            return library.exists(id)
                    .flatMap(found -> found ? Mono.<Void>empty() : Mono.error(ApiProblems.notFound("This collection")))
                    .then(posts.visiblePost(reader, request.postId()))
                    .then(transaction.transactional(library.add(id, request.postId(), note, reader.personId())
                            .flatMap(added -> added ? notifier.curated(reader.personId(), request.postId(), id) : Mono.empty())));
        });
    }

    @DeleteMapping("/api/library/{id}/items/{postId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> remove(@AuthenticationPrincipal Jwt token, @PathVariable UUID id, @PathVariable UUID postId) {
        return curator(token).flatMap(reader -> library.remove(id, postId));
    }

    /** Moderators (and admins) curate; others read. */
    private Mono<Reader> curator(Jwt token) {
        return members.signIn(token).flatMap(reader -> reader.moderator()
                ? Mono.just(reader)
                : Mono.error(ApiProblems.forbidden("Only moderators curate the inspiration library.")));
    }

    private static Mono<CollectionRequest> checked(CollectionRequest request) {
        String title = request.title() == null ? "" : request.title().strip();
        String description = request.description() == null ? "" : request.description().strip();
        if (title.isEmpty() || title.length() > 120) {
            return Mono.error(ApiProblems.invalid("title", "must be 1 to 120 characters"));
        }
        if (description.length() > 2000) {
            return Mono.error(ApiProblems.invalid("description", "is " + description.length() + " characters long; the limit is 2000"));
        }
        return Mono.just(new CollectionRequest(title, description));
    }
}
