package io.vigie.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.vigie.search.SearchIndexInstaller;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.Optional;

/**
 * Drains the outbox into Elasticsearch. Each round, in one PostgreSQL transaction: claim a batch
 * of outbox rows ({@code FOR UPDATE SKIP LOCKED}, so API instances share the work), load the
 * current state of those entities, send one bulk request with external versions (an older state
 * never overwrites a newer one), and delete the rows. If Elasticsearch fails, the transaction
 * rolls back and the rows wait for the next try, with backoff: writes never depend on the search
 * engine being up. While a rebuild runs (on any instance: {@link RebuildLease}), each batch is
 * written to the index being built too.
 */
@Component
public class SearchIndexer {

    static final String CONTENT_ALIAS = "vigie-content";

    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);

    private record Claimed(long id, String type, UUID entityId) {}

    private final DatabaseClient db;
    private final TransactionalOperator transaction;
    private final ElasticsearchAsyncClient elasticsearch;
    private final Map<Outbox.EntityType, DocumentSource> sources;
    private final IndexingProperties properties;
    private final SearchIndexInstaller installer;
    private final RebuildLease rebuild;
    private Disposable loop;

    SearchIndexer(DatabaseClient db, TransactionalOperator transaction, ElasticsearchAsyncClient elasticsearch,
                  List<DocumentSource> sources, IndexingProperties properties, SearchIndexInstaller installer,
                  RebuildLease rebuild) {
        this.db = db;
        this.transaction = transaction;
        this.elasticsearch = elasticsearch;
        this.sources = new EnumMap<>(Outbox.EntityType.class);
        sources.forEach(source -> this.sources.put(source.type(), source));
        this.properties = properties;
        this.installer = installer;
        this.rebuild = rebuild;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!properties.enabled()) {
            return;
        }
        loop = Mono.defer(this::drainOnce)
                .flatMap(count -> count > 0 ? Mono.just(count) : Mono.delay(properties.idlePoll()).thenReturn(0))
                .repeat()
                .retryWhen(Retry.backoff(Long.MAX_VALUE, properties.minBackoff())
                        .maxBackoff(properties.maxBackoff())
                        .transientErrors(true) // a success resets the backoff
                        .doBeforeRetry(signal -> log.warn("indexing paused, will retry: {}", signal.failure().toString())))
                .subscribe();
    }

    @PreDestroy
    void stop() {
        if (loop != null) {
            loop.dispose();
        }
    }

    /** One round: at most one batch. Returns how many outbox rows it settled. */
    public Mono<Integer> drainOnce() {
        if (!installer.isInstalled()) {
            // Writing before the aliases exist would make Elasticsearch create a plain index in their place.
            return Mono.just(0);
        }
        // The rebuild is looked up after the claim: a change claimed here was committed before the look-up, so if no
        // rebuild shows yet, the rebuild's copy (which starts after its lease is committed) reads that change itself.
        return transaction.transactional(claimBatch().flatMap(batch -> batch.isEmpty()
                ? Mono.just(0)
                : rebuild.current().map(RebuildLease.Held::targetIndex).map(Optional::of)
                        .defaultIfEmpty(Optional.empty())
                        .flatMap(target -> index(batch, target.orElse(null)))
                        .then(delete(batch)).thenReturn(batch.size())));
    }

    private Mono<List<Claimed>> claimBatch() {
        return db.sql("SELECT id, entity_type, entity_id FROM outbox ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED")
                .bind("limit", properties.batchSize())
                .map(row -> new Claimed(row.get("id", Long.class), row.get("entity_type", String.class),
                        row.get("entity_id", UUID.class)))
                .all()
                .collectList();
    }

    /** Loads the current state of each claimed entity, by type, and writes it (to the rebuild's index too, if any). */
    private Mono<Void> index(List<Claimed> batch, String rebuildTarget) {
        Map<Outbox.EntityType, Set<UUID>> byType = new EnumMap<>(Outbox.EntityType.class);
        for (Claimed row : batch) {
            Outbox.EntityType type;
            try {
                type = Outbox.EntityType.valueOf(row.type());
            } catch (IllegalArgumentException unknown) {
                log.error("outbox row {} names an unknown entity type {}: dropped", row.id(), row.type());
                continue;
            }
            byType.computeIfAbsent(type, t -> new LinkedHashSet<>()).add(row.entityId());
        }
        return Flux.fromIterable(byType.entrySet())
                .concatMap(entry -> sources.get(entry.getKey()).load(entry.getValue()))
                .collectList()
                .flatMap(documents -> {
                    Mono<Void> main = write(CONTENT_ALIAS, documents);
                    return rebuildTarget == null ? main : main.then(write(rebuildTarget, documents));
                });
    }

    /** One bulk request with external versions; an older state never overwrites a newer one. */
    Mono<Void> write(String index, List<SearchDocument> documents) {
        if (documents.isEmpty()) {
            return Mono.empty();
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (SearchDocument document : documents) {
            String id = document.id().toString();
            if (document.deleted()) {
                bulk.operations(op -> op.delete(delete -> delete.index(index).id(id)
                        .version(document.version()).versionType(VersionType.External)));
            } else {
                bulk.operations(op -> op.index(put -> put.index(index).id(id)
                        .version(document.version()).versionType(VersionType.External)
                        .document(document.source())));
            }
        }
        return Mono.fromFuture(() -> elasticsearch.bulk(bulk.build())).flatMap(this::checkItems);
    }
    /**
     * Version conflicts mean a newer state is already indexed, and deleting what is not there is
     * done: both are fine. A document the index refuses for good (a mapping error) is logged and
     * left to the consistency check, rather than blocking every later change behind it.
     */
    private Mono<Void> checkItems(BulkResponse response) {
        if (!response.errors()) {
            return Mono.empty();
        }
        for (BulkResponseItem item : response.items()) {
            if (item.error() == null || item.status() == 409 || item.status() == 404) {
                continue;
            }
            if (item.status() >= 500 || item.status() == 429) {
                return Mono.error(new IllegalStateException("Elasticsearch could not index " + item.id() + ": "
                        + item.error().reason()));
            }
            log.error("Elasticsearch refused document {} for good ({}): {}", item.id(), item.status(), item.error().reason());
        }
        return Mono.empty();
    }

    private Mono<Void> delete(List<Claimed> batch) {
        return db.sql("DELETE FROM outbox WHERE id = ANY(:ids)")
                .bind("ids", batch.stream().map(Claimed::id).toArray(Long[]::new))
                .fetch().rowsUpdated()
                .then();
    }
}
