package io.vigie.sources;

import io.vigie.links.SafeFetcher;
import io.vigie.links.WebAddress;
import io.vigie.system.Periodic;
import jakarta.annotation.PreDestroy;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Polls the watch sources that are due: a conditional GET through the {@link SafeFetcher} (the
 * same SSRF guard as shared links), Rome to read the feed, new items into the space's inbox.
 * A source that fails (unreachable, refused, not a feed, malformed) records its error and waits
 * longer each time; it never stops the others.
 */
@Component
public class SourcePoller {


    /** What one poll did: how many items were new, or why it failed. */
    record Outcome(long newItems, boolean notModified, String error) {}

    /** A fetched and read feed, or the reason it could not be (off the event loop). */
    record Read(SafeFetcher.Feed feed, FeedReader.Result result) {}

    private final SourceRepository sources;
    private final SafeFetcher fetcher;
    private final SourcesProperties properties;
    private Disposable loop;

    SourcePoller(SourceRepository sources, SafeFetcher fetcher, SourcesProperties properties) {
        this.sources = sources;
        this.fetcher = fetcher;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!properties.enabled()) {
            return;
        }
        loop = Periodic.every(properties.tick(), "watch sources: polling", this::pollDue);
    }

    @PreDestroy
    void stop() {
        if (loop != null) {
            loop.dispose();
        }
    }

    /** Polls every source due now (claimed, so instances share them); how many were polled. */
    Mono<Long> pollDue() {
        return sources.claimDue(properties.batch(), properties.lease()).concatMap(this::poll).count();
    }

    Mono<Outcome> poll(SourceRepository.Due due) {
        return fetch(due.url(), due.etag(), due.lastModified())
                .flatMap(read -> {
                    SafeFetcher.Feed feed = read.feed();
                    if (feed.notModified()) {
                        return sources.succeeded(due.id(), null, feed.etag(), feed.lastModified(), properties.interval())
                                .thenReturn(new Outcome(0, true, null));
                    }
                    if (!read.result().ok()) {
                        return failed(due, read.result().error());
                    }
                    return sources.addItems(due.id(), due.spaceId(), read.result().items().stream().limit(properties.maxItems()).toList())
                            .flatMap(added -> sources.succeeded(due.id(), read.result().feedTitle(), feed.etag(), feed.lastModified(),
                                            properties.interval())
                                    .thenReturn(new Outcome(added, false, null)));
                })
                .onErrorResume(WebAddress.Refused.class, refused -> failed(due, refused.getMessage()));
    }

    /** Fetches and reads a feed off the event loop (network and XML parsing both block). */
    Mono<Read> fetch(String url, String etag, String lastModified) {
        return Mono.fromCallable(() -> {
                    SafeFetcher.Feed feed = fetcher.fetchFeed(url, etag, lastModified);
                    return new Read(feed, feed.notModified() ? null : FeedReader.read(feed.page().body()));
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    private Mono<Outcome> failed(SourceRepository.Due due, String error) {
        return sources.failed(due.id(), error, properties.backoff(due.failures() + 1)).thenReturn(new Outcome(0, false, error));
    }
}
