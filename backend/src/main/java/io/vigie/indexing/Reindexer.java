package io.vigie.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.vigie.search.SearchConfig;
import io.vigie.search.SearchIndexInstaller;
import io.vigie.web.ApiProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuilds the search index from PostgreSQL with no downtime and no lost writes: create a new
 * index, take the rebuild lease (from then on every instance's indexer writes each change to the
 * new index too, see {@link RebuildLease}), copy every entity into it in pages
 * (external versions: whichever of the copy and a concurrent change is newer wins), then swap the
 * alias in one atomic call and drop the old index. Searches read the old index until the swap.
 * Runs by itself at start-up when the index behind the alias has an older mapping version.
 */
@Component
public class Reindexer {

    /** What a rebuild is doing, for the admin endpoint and the console's progress bar. */
    public record Status(String state, String source, String target, long total, long done, Instant startedAt,
                         Instant finishedAt, double documentsPerSecond, String error) {

        static final Status IDLE = new Status("idle", null, null, 0, 0, null, null, 0, null);

        public boolean running() {
            return "running".equals(state);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(Reindexer.class);
    private static final int PAGE = 1_000;

    private final ElasticsearchAsyncClient elasticsearch;
    private final SearchIndexer indexer;
    private final List<DocumentSource> sources;
    private final SearchConfig config;
    private final SearchIndexInstaller installer;
    private final RebuildLease lease;
    private final AtomicReference<Status> status = new AtomicReference<>(Status.IDLE);
    private final AtomicLong done = new AtomicLong();

    Reindexer(ElasticsearchAsyncClient elasticsearch, SearchIndexer indexer, List<DocumentSource> sources, SearchConfig config,
              SearchIndexInstaller installer, RebuildLease lease) {
        this.elasticsearch = elasticsearch;
        this.indexer = indexer;
        this.sources = sources;
        this.config = config;
        this.installer = installer;
        this.lease = lease;
    }

    public Status status() {
        Status current = status.get();
        if (!current.running()) {
            return current;
        }
        long copied = done.get();
        double seconds = Math.max(0.001, Duration.between(current.startedAt(), Instant.now()).toMillis() / 1000.0);
        return new Status(current.state(), current.source(), current.target(), current.total(), copied, current.startedAt(), null,
                copied / seconds, null);
    }

    /**
     * What a rebuild is doing, seen from this instance: its own rebuild, or one another instance
     * runs (its lease in PostgreSQL), or this instance's last one.
     */
    public Mono<Status> currentStatus() {
        Status local = status();
        if (local.running()) {
            return Mono.just(local);
        }
        return lease.current()
                .map(elsewhere -> new Status("running", null, elsewhere.targetIndex(), 0, 0, elsewhere.startedAt(), null, 0, null))
                .defaultIfEmpty(local);
    }

    /**
     * Starts a rebuild, which goes on in the background once its new index exists and its lease is
     * held; 409 while one runs, here or on another instance.
     */
    public Mono<Status> start() {
        Status previous = status.get();
        if (previous.running() || !status.compareAndSet(previous, new Status("running", null, null, 0, 0, Instant.now(), null, 0, null))) {
            return Mono.error(ApiProblems.conflict("A rebuild of the search index is already running."));
        }
        done.set(0);
        Instant started = status.get().startedAt();
        return lease.current()
                .flatMap(elsewhere -> Mono.<Plan>error(runningElsewhere()))
                .switchIfEmpty(Mono.zip(currentIndices(), targetName(), totalCount())
                        .map(plan -> new Plan(plan.getT1(), plan.getT2(), plan.getT3())))
                .flatMap(plan -> createEmpty(plan.target())
                        .onErrorMap(Reindexer::alreadyExists, exists -> runningElsewhere())
                        .then(lease.claim(plan.target()))
                        .flatMap(claim -> claim.granted()
                                ? deleteIndex(claim.abandonedIndex()).thenReturn(plan)
                                : deleteIndex(plan.target()).then(Mono.error(runningElsewhere()))))
                .map(plan -> {
                    String source = String.join(",", plan.old());
                    status.set(new Status("running", source, plan.target(), plan.total(), 0, started, null, 0, null));
                    log.info("rebuilding search index: {} -> {} ({} documents)", source, plan.target(), plan.total());
                    copyAndSwap(plan, started).subscribe(finished -> { }, failure -> log.error("search index rebuild failed", failure));
                    return status();
                })
                .doOnError(notStarted -> status.set(previous));
    }

    /** The indices behind the alias now, the index to build, and how many documents it will hold. */
    private record Plan(Set<String> old, String target, long total) {}

    /** At start-up: an index built with an older mapping is rebuilt, once the configuration is installed. */
    @EventListener(ApplicationReadyEvent.class)
    void upgradeWhenOutdated() {
        Flux.interval(Duration.ofMillis(200))
                .filter(tick -> installer.isInstalled())
                .next()
                .flatMap(ready -> currentIndices())
                .filter(indices -> indices.stream().noneMatch(index -> index.startsWith(template().indexName())))
                .flatMap(outdated -> {
                    log.info("search index {} has an older mapping than {}: rebuilding", outdated, template().indexName());
                    // Every instance starting with a new version gets here; one wins, the others find it running.
                    return start().onErrorResume(ErrorResponseException.class, running -> {
                        log.info("search index rebuild already running");
                        return Mono.empty();
                    });
                })
                .subscribe(started -> { }, failure -> log.warn("could not check the search index version: {}", failure.toString()));
    }

    /**
     * Copies every entity while the lease is renewed: if a renewal fails, other instances may have
     * stopped writing their changes to the new index, so the rebuild stops rather than swap in an
     * index that misses them.
     */
    private Mono<Void> copyAndSwap(Plan plan, Instant started) {
        String target = plan.target();
        String source = String.join(",", plan.old());
        Mono<Void> copy = Flux.fromIterable(sources).concatMap(copyInto(target)).then();
        Mono<Void> heartbeat = Flux.interval(RebuildLease.HEARTBEAT).concatMap(tick -> lease.renew(target)).then();
        return Mono.firstWithSignal(copy, heartbeat)
                .then(Mono.fromFuture(() -> elasticsearch.indices().putSettings(s -> s.index(target)
                        .settings(settings -> settings.refreshInterval(t -> t.time("500ms"))))))
                .then(Mono.fromFuture(() -> elasticsearch.indices().refresh(r -> r.index(target))))
                .then(lease.renew(target))
                .then(swapAlias(plan.old(), target))
                .then(lease.release(target))
                .then(deleteIndices(plan.old()))
                .then(Mono.fromRunnable(() -> finish(source, target, plan.total(), started)))
                .onErrorResume(failure -> {
                    status.set(new Status("failed", source, target, plan.total(), done.get(), started, Instant.now(), 0,
                            failure.toString()));
                    return lease.release(target)
                            .then(deleteIndex(target))
                            .onErrorResume(e -> Mono.empty())
                            .then(Mono.error(failure));
                })
                .then();
    }

    private static ErrorResponseException runningElsewhere() {
        return ApiProblems.conflict("A rebuild of the search index is already running (on another instance).");
    }

    private static boolean alreadyExists(Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof ElasticsearchException es && "resource_already_exists_exception".equals(es.error().type());
    }

    private Mono<Void> deleteIndex(String index) {
        return index == null ? Mono.empty()
                : Mono.fromFuture(() -> elasticsearch.indices().delete(d -> d.index(index).ignoreUnavailable(true))).then();
    }

    private java.util.function.Function<DocumentSource, Mono<Void>> copyInto(String target) {
        return source -> source.idsAfter(null, PAGE).collectList()
                .expand(page -> page.size() < PAGE ? Mono.empty() : source.idsAfter(page.getLast(), PAGE).collectList())
                .concatMap(page -> page.isEmpty() ? Mono.empty()
                        : source.load(page).collectList()
                                .flatMap(documents -> indexer.write(target, documents))
                                .then(Mono.fromRunnable(() -> done.addAndGet(page.size()))))
                .then();
    }

    private void finish(String source, String target, long total, Instant started) {
        Instant finished = Instant.now();
        double seconds = Math.max(0.001, Duration.between(started, finished).toMillis() / 1000.0);
        status.set(new Status("done", source, target, total, done.get(), started, finished, done.get() / seconds, null));
        log.info("search index rebuilt into {}: {} documents in {} s", target, done.get(), seconds);
    }

    private Mono<Long> totalCount() {
        return Flux.fromIterable(sources).concatMap(DocumentSource::count).reduce(0L, Long::sum);
    }

    private SearchConfig.IndexTemplate template() {
        return config.indexTemplates().stream().filter(t -> t.alias().equals(SearchIndexer.CONTENT_ALIAS)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no index template for " + SearchIndexer.CONTENT_ALIAS));
    }

    Mono<Set<String>> currentIndices() {
        return Mono.fromFuture(() -> elasticsearch.indices().getAlias(a -> a.name(SearchIndexer.CONTENT_ALIAS)))
                .map(response -> response.aliases().keySet());
    }

    /** The template's index name, or that name with a suffix when it exists (a rebuild of the same version). */
    private Mono<String> targetName() {
        String base = template().indexName();
        return Mono.fromFuture(() -> elasticsearch.indices().exists(e -> e.index(base)))
                .map(exists -> exists.value() ? base + "-r" + Instant.now().getEpochSecond() : base);
    }

    /** Refresh is off while copying (much faster); the template gives the mapping. */
    private Mono<Void> createEmpty(String target) {
        return Mono.fromFuture(() -> elasticsearch.indices().create(c -> c.index(target)
                .settings(s -> s.refreshInterval(t -> t.time("-1"))))).then();
    }

    private Mono<Void> swapAlias(Set<String> old, String target) {
        return Mono.fromFuture(() -> elasticsearch.indices().updateAliases(u -> {
            old.forEach(index -> u.actions(a -> a.remove(r -> r.index(index).alias(SearchIndexer.CONTENT_ALIAS))));
            return u.actions(a -> a.add(add -> add.index(target).alias(SearchIndexer.CONTENT_ALIAS).isWriteIndex(true)));
        })).then();
    }

    private Mono<Void> deleteIndices(Set<String> old) {
        return old.isEmpty() ? Mono.empty()
                : Mono.fromFuture(() -> elasticsearch.indices().delete(d -> d.index(List.copyOf(old)))).then();
    }
}
