package io.vigie.sources;

import io.vigie.articles.ArticleService;
import io.vigie.links.WebAddress;
import io.vigie.spaces.Reader;
import io.vigie.spaces.Space;
import io.vigie.spaces.SpaceService;
import io.vigie.web.ApiProblems;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Watch sources and the watch inbox. Owners add, check and remove a space's sources; members see
 * them and work the inbox: promote an item (it becomes their share) or dismiss it.
 */
@Service
class SourceService {

    private static final Set<String> STATUSES = Set.of("new", "promoted", "dismissed");

    private final SourceRepository sources;
    private final SourcePoller poller;
    private final SpaceService spaces;
    private final ArticleService articles;
    private final SourcesProperties properties;

    SourceService(SourceRepository sources, SourcePoller poller, SpaceService spaces, ArticleService articles,
                  SourcesProperties properties) {
        this.sources = sources;
        this.poller = poller;
        this.spaces = spaces;
        this.articles = articles;
        this.properties = properties;
    }

    Flux<SourceViews.Source> list(Reader reader, UUID spaceId) {
        return member(reader, spaceId).thenMany(sources.sourcesOf(spaceId));
    }

    /**
     * Adds a source after reading it once: an address the guard refuses, or one that is not a
     * readable feed, is a field error and nothing is stored. Its first items land in the inbox.
     */
    Mono<SourceViews.Source> add(Reader reader, UUID spaceId, String url) {
        return owner(reader, spaceId)
                .then(sources.count(spaceId))
                .filter(count -> count < properties.maxSources())
                .switchIfEmpty(Mono.error(() -> ApiProblems.invalid("url", "a space follows at most " + properties.maxSources() + " sources")))
                .then(poller.fetch(url, null, null))
                .onErrorMap(WebAddress.Refused.class, refused -> ApiProblems.invalid("url", refused.getMessage()))
                .flatMap(read -> {
                    if (read.feed().notModified() || !read.result().ok()) {
                        return Mono.error(ApiProblems.invalid("url", "not a readable RSS or Atom feed: "
                                + (read.result() == null ? "no content" : read.result().error())));
                    }
                    String address = read.feed().page().url().href();
                    return sources.insert(spaceId, address, read.result().feedTitle(), reader.personId())
                            .switchIfEmpty(Mono.error(() -> ApiProblems.conflict("This space already follows this feed.")))
                            .flatMap(id -> sources.addItems(id, spaceId, read.result().items().stream().limit(properties.maxItems()).toList())
                                    .then(sources.succeeded(id, read.result().feedTitle(), read.feed().etag(), read.feed().lastModified(),
                                            properties.interval()))
                                    .then(sources.source(id)));
                });
    }

    Mono<Void> remove(Reader reader, UUID sourceId) {
        return sources.spaceOfSource(sourceId)
                .switchIfEmpty(Mono.error(() -> ApiProblems.notFound("This source")))
                .flatMap(spaceId -> owner(reader, spaceId))
                .then(sources.delete(sourceId)).then();
    }

    /** Reads a source now, whatever its schedule, and answers its state. */
    Mono<SourceViews.Source> pollNow(Reader reader, UUID sourceId) {
        return sources.spaceOfSource(sourceId)
                .switchIfEmpty(Mono.error(() -> ApiProblems.notFound("This source")))
                .flatMap(spaceId -> owner(reader, spaceId))
                .then(sources.claim(sourceId, properties.lease()))
                .flatMap(poller::poll)
                .then(sources.source(sourceId));
    }

    Flux<SourceViews.Item> inbox(Reader reader, UUID spaceId, String status, int limit) {
        if (!STATUSES.contains(status)) {
            return Flux.error(ApiProblems.invalid("status", "must be new, promoted or dismissed"));
        }
        return member(reader, spaceId).thenMany(sources.inbox(spaceId, status, Math.clamp(limit, 1, 200)));
    }

    /** The item becomes the reader's share in the space (its page fetched safely, like any share). */
    Mono<SourceViews.Item> promote(Reader reader, UUID itemId, String comment, List<String> tags) {
        return decidable(reader, itemId)
                .flatMap(item -> sources.spaceOfItem(itemId).flatMap(spaceId ->
                        articles.share(reader, spaceId, item.url(), comment, tags)
                                .map(article -> article.shares().stream()
                                        .filter(share -> share.space().id().equals(spaceId) && share.author().id().equals(reader.personId()))
                                        .findFirst().orElseThrow().id())
                                .flatMap(postId -> sources.decide(itemId, "promoted", reader.personId(), postId))))
                .then(sources.item(itemId));
    }

    Mono<SourceViews.Item> dismiss(Reader reader, UUID itemId) {
        return decidable(reader, itemId)
                .flatMap(item -> sources.decide(itemId, "dismissed", reader.personId(), null))
                .filter(decided -> decided)
                .switchIfEmpty(Mono.error(() -> ApiProblems.conflict("Someone already decided this item.")))
                .then(sources.item(itemId));
    }

    /** A new item in a space where the reader is a member. */
    private Mono<SourceViews.Item> decidable(Reader reader, UUID itemId) {
        return sources.spaceOfItem(itemId)
                .switchIfEmpty(Mono.error(() -> ApiProblems.notFound("This item")))
                .flatMap(spaceId -> member(reader, spaceId))
                .then(sources.item(itemId))
                .filter(item -> item.status().equals("new"))
                .switchIfEmpty(Mono.error(() -> ApiProblems.conflict("Someone already decided this item.")));
    }

    private Mono<Space> member(Reader reader, UUID spaceId) {
        return spaces.visibleSpace(reader, spaceId)
                .filter(space -> reader.mayPostIn(space.id()))
                .switchIfEmpty(Mono.error(() -> ApiProblems.forbidden("Join the space to see its watch sources and inbox.")));
    }

    private Mono<Space> owner(Reader reader, UUID spaceId) {
        return spaces.visibleSpace(reader, spaceId)
                .filter(space -> reader.owns(space.id()))
                .switchIfEmpty(Mono.error(() -> ApiProblems.forbidden("Only the space's owners manage its watch sources.")));
    }
}
