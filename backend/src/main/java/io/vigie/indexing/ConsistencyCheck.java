package io.vigie.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Compares PostgreSQL with the search index, type by type: every live entity must have its
 * document at its current version, and the index must hold nothing else. With {@code repair},
 * missing and stale documents are queued in the outbox and extra ones deleted.
 */
@Component
public class ConsistencyCheck {

    /** What one type looks like on each side, and what was wrong. */
    public record TypeReport(String type, long database, long index, long missing, long stale, long extra) {

        boolean consistent() {
            return missing == 0 && stale == 0 && extra == 0;
        }
    }

    public record Report(boolean consistent, boolean repaired, long pendingInOutbox, List<TypeReport> types) {}

    private static final int PAGE = 5_000;

    private final ElasticsearchAsyncClient elasticsearch;
    private final List<DocumentSource> sources;
    private final Outbox outbox;
    private final org.springframework.r2dbc.core.DatabaseClient db;

    ConsistencyCheck(ElasticsearchAsyncClient elasticsearch, List<DocumentSource> sources, Outbox outbox,
                     org.springframework.r2dbc.core.DatabaseClient db) {
        this.elasticsearch = elasticsearch;
        this.sources = sources;
        this.outbox = outbox;
        this.db = db;
    }

    public Mono<Report> run(boolean repair) {
        return Flux.fromIterable(sources)
                .concatMap(source -> check(source, repair))
                .collectList()
                .zipWith(db.sql("SELECT count(*) AS n FROM outbox").map(row -> row.get("n", Long.class)).one())
                .map(both -> new Report(both.getT1().stream().allMatch(TypeReport::consistent), repair, both.getT2(), both.getT1()));
    }

    private Mono<TypeReport> check(DocumentSource source, boolean repair) {
        String type = source.type().name().toLowerCase(Locale.ROOT);
        return Mono.zip(source.versions().collectMap(DocumentSource.Versioned::id, DocumentSource.Versioned::version),
                        indexedVersions(type))
                .flatMap(both -> {
                    Map<UUID, Long> database = both.getT1();
                    Map<String, Long> index = both.getT2();
                    List<UUID> toQueue = new ArrayList<>();
                    long missing = 0;
                    long stale = 0;
                    for (Map.Entry<UUID, Long> row : database.entrySet()) {
                        Long indexed = index.get(row.getKey().toString());
                        if (indexed == null) {
                            missing++;
                            toQueue.add(row.getKey());
                        } else if (indexed < row.getValue()) {
                            stale++;
                            toQueue.add(row.getKey());
                        }
                    }
                    List<String> extra = index.keySet().stream()
                            .filter(id -> !database.containsKey(UUID.fromString(id)))
                            .toList();
                    TypeReport report = new TypeReport(type, database.size(), index.size(), missing, stale, extra.size());
                    if (!repair || report.consistent()) {
                        return Mono.just(report);
                    }
                    return Flux.fromIterable(toQueue).concatMap(id -> outbox.changed(source.type(), id))
                            .then(deleteExtra(extra))
                            .thenReturn(report);
                });
    }

    /** Every document of a type, by id, with its version: search_after over item_id, no source. */
    private Mono<Map<String, Long>> indexedVersions(String type) {
        Map<String, Long> versions = new HashMap<>();
        return page(type, null)
                .expand(response -> response.hits().hits().size() < PAGE ? Mono.empty()
                        : page(type, response.hits().hits().getLast().sort()))
                .doOnNext(response -> response.hits().hits().forEach(hit -> versions.put(hit.id(), hit.version())))
                .then(Mono.fromSupplier(() -> versions));
    }

    private Mono<SearchResponse<Void>> page(String type, List<FieldValue> after) {
        return Mono.fromFuture(() -> elasticsearch.search(s -> {
            s.index(SearchIndexer.CONTENT_ALIAS)
                    .size(PAGE)
                    .version(true)
                    .source(src -> src.fetch(false))
                    .trackTotalHits(t -> t.enabled(false))
                    .query(q -> q.term(t -> t.field("type").value(type)))
                    .sort(sort -> sort.field(f -> f.field("item_id").order(SortOrder.Asc)));
            if (after != null) {
                s.searchAfter(after);
            }
            return s;
        }, Void.class));
    }

    private Mono<Void> deleteExtra(List<String> ids) {
        if (ids.isEmpty()) {
            return Mono.empty();
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        ids.forEach(id -> bulk.operations(op -> op.delete(d -> d.index(SearchIndexer.CONTENT_ALIAS).id(id))));
        return Mono.fromFuture(() -> elasticsearch.bulk(bulk.build())).then();
    }
}
