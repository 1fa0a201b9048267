package io.vigie.measurements;

import io.vigie.spaces.Reader;
import io.vigie.spaces.Space;
import io.vigie.support.ApiTest;
import io.vigie.support.Spaces;
import io.vigie.trends.TrendsService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Time to compute trends on 100,000 articles with 1,000,000 engagement events (shares and
 * up-votes by 2,000 people over 30 days, popularity following a power law, some bursts). Written
 * in bulk in PostgreSQL, where the real triggers log the engagement and queue it, and indexed by
 * the real indexer. Run with {@code ./vigie measure}; it writes {@code bench/results/trends.md}.
 */
@EnabledIfSystemProperty(named = "vigie.measure", matches = "true")
class TrendsMeasurement extends ApiTest {

    private static final int ARTICLES = 100_000;
    private static final int PEOPLE = 2_000;
    private static final long EVENTS = 1_000_000;
    private static final int RUNS = 20;

    @Autowired
    private DatabaseClient db;

    @Autowired
    private TrendsService trends;

    @Test
    void measure() {
        Caller alice = as("alice.martin").signedIn();
        long existing = count("SELECT count(*) AS n FROM engagement WHERE removed_at IS NULL");
        List<UUID> spaces = new ArrayList<>();
        String load;
        if (existing >= EVENTS) {
            load = "An earlier run had loaded the data (the test stack keeps it).";
            db.sql("SELECT DISTINCT space_id FROM engagement LIMIT 12").map(row -> row.get("space_id", UUID.class)).all()
                    .doOnNext(spaces::add).blockLast();
        } else {
            String run = UUID.randomUUID().toString().substring(0, 8);
            for (int s = 0; s < 12; s++) {
                spaces.add(Spaces.create(alice, "Trends bench " + run + " " + s, s % 4 == 3 ? "private" : "open").id());
            }
            load = write(run, spaces);
        }
        long documents = count("SELECT count(*) AS n FROM engagement WHERE removed_at IS NULL");

        Reader reader = new Reader(UUID.randomUUID(), Set.of(spaces.get(3)), Set.of(), Set.of(), Set.of(), false);
        TrendsService.Scope company = TrendsService.Scope.COMPANY;
        TrendsService.Scope space = new TrendsService.Scope(spaces.getFirst());
        StringBuilder report = new StringBuilder("# Trends computation time\n\n")
                .append("Measured on ").append(LocalDate.now()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, with `./vigie measure` (class `TrendsMeasurement`): the trends service called in the API's JVM\n")
                .append("(no HTTP), against Elasticsearch 9.5.3 on the same machine as PostgreSQL and Keycloak.\n\n")
                .append("Data: %,d engagement events (shares and up-votes) on %,d articles, by %,d people, over 30 days. %s\n\n"
                        .formatted(documents, count("SELECT count(*) AS n FROM article"), PEOPLE, load))
                .append("| computation | runs | p50 | p95 | max |\n|---|---:|---:|---:|---:|\n")
                .append(timed("rising now, company-wide", () -> trends.rising(reader, company, Instant.now()).block()))
                .append(timed("rising now, one space", () -> trends.rising(reader, space, Instant.now()).block()))
                .append(timed("top of the week, company-wide", () -> trends.top(reader, company, Instant.now().minus(Duration.ofDays(7)), Instant.now()).block()))
                .append(timed("new, company-wide", () -> trends.fresh(reader, company, Instant.now()).block()))
                .append(timed("topics (rising and significant), company-wide", () -> trends.topics(reader, company, Instant.now()).block()))
                .append("""

                        Rising runs in two requests: the 100 candidates with the most engagement in the last 48 hours (read
                        from that window only, ordered by document count, which needs no per-article sub-aggregation), then
                        for those alone the distinct people in every 6-hour window ending at each hour of the 48 hours and over
                        the 7-day baseline. Top computes distinct people for the 100 most engaged-with articles only (breadth
                        first). Company-wide lists keep only approved or trusted articles, looked up in PostgreSQL (included in
                        the times). Topics run the rising computation on themes plus significant_terms with a background
                        filter over 30 days (inside the reader's visibility), the slowest part.
                        """);
        Path out = Path.of(System.getProperty("user.dir")).resolveSibling("bench").resolve("results").resolve("trends.md");
        try {
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        System.out.println(report);
        assertThat(documents).isGreaterThanOrEqualTo(EVENTS);
    }

    /** People, articles, one share each (some twice), and up-votes, all in bulk; the triggers queue the engagement. */
    private String write(String run, List<UUID> spaces) {
        long start = System.nanoTime();
        db.sql("""
                        WITH p AS (INSERT INTO person (id, username, display_name, department)
                                   SELECT gen_random_uuid(), 'bench-' || :run || '-' || n, 'Bench person ' || n, 'Dept ' || (n % 12)
                                   FROM generate_series(1, :people) AS n RETURNING id)
                        INSERT INTO outbox (entity_type, entity_id) SELECT 'PERSON', id FROM p""")
                .bind("run", run).bind("people", PEOPLE).fetch().rowsUpdated().block();
        db.sql("""
                        INSERT INTO article (id, url, title, keywords)
                        SELECT gen_random_uuid(), 'https://bench.example.org/' || :run || '/' || n, 'Bench article ' || n,
                               ARRAY['theme' || (n % 300), 'theme' || (n % 37)]
                        FROM generate_series(1, :articles) AS n""")
                .bind("run", run).bind("articles", ARTICLES).fetch().rowsUpdated().block();
        // A share per article, at a random time over 30 days; the share's post row fires the engagement trigger.
        db.sql("""
                        WITH people AS (SELECT array_agg(id) AS ids FROM person WHERE username LIKE 'bench-' || :run || '-%'),
                             a AS (SELECT id, row_number() OVER () AS n FROM article WHERE url LIKE 'https://bench.example.org/' || :run || '/%'),
                             inserted AS (
                                 INSERT INTO post (id, space_id, author_id, body_markdown, body_html, hashtags, article_id, created_at)
                                 SELECT gen_random_uuid(), (:spaces)[1 + a.n % cardinality(:spaces)], p.ids[1 + a.n % cardinality(p.ids)],
                                        '', '', ARRAY['tag' || (a.n % 50)], a.id, now() - random() * interval '30 days'
                                 FROM a, people p RETURNING id)
                        INSERT INTO outbox (entity_type, entity_id) SELECT 'POST', id FROM inserted""")
                .bind("run", run).bind("spaces", spaces.toArray(UUID[]::new)).fetch().rowsUpdated().block();
        // Up-votes: popularity by a power law over the articles; each vote some time after the share, mostly soon after.
        // Until the events reach a million: a person votes once per share, so some draws are duplicates and dropped.
        for (long events = count("SELECT count(*) AS n FROM engagement WHERE removed_at IS NULL"); events < EVENTS;
             events = count("SELECT count(*) AS n FROM engagement WHERE removed_at IS NULL")) {
            db.sql("""
                            WITH people AS (SELECT array_agg(id) AS ids FROM person WHERE username LIKE 'bench-' || :run || '-%'),
                                 shares AS (SELECT array_agg(id ORDER BY id) AS ids, array_agg(created_at ORDER BY id) AS times FROM post
                                            WHERE article_id IN (SELECT id FROM article WHERE url LIKE 'https://bench.example.org/' || :run || '/%')),
                                 picks AS (SELECT 1 + floor(power(random(), 2) * cardinality(s.ids))::int AS i
                                           FROM generate_series(1, :votes), shares s)
                            INSERT INTO vote (target_type, target_id, person_id, value, voted_at)
                            SELECT 'post', s.ids[picks.i], p.ids[1 + floor(random() * cardinality(p.ids))::int], 1,
                                   LEAST(now(), s.times[picks.i] + power(random(), 4) * interval '10 days')
                            FROM picks, shares s, people p
                            ON CONFLICT DO NOTHING""")
                    .bind("run", run).bind("votes", (int) ((EVENTS - events) * 1.05)).fetch().rowsUpdated().block();
        }
        long written = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        await().pollInterval(Duration.ofSeconds(1)).atMost(Duration.ofMinutes(40))
                .until(() -> count("SELECT count(*) AS n FROM outbox") == 0L);
        long indexed = (System.nanoTime() - start) / 1_000_000;
        long events = count("SELECT count(*) AS n FROM engagement WHERE removed_at IS NULL");
        return "This run wrote them in %,d ms (the triggers included) and the real indexer drained the outbox in %,d ms (%,.0f documents per second)."
                .formatted(written, indexed, events * 1000.0 / Math.max(1, indexed));
    }

    private String timed(String name, Supplier<?> computation) {
        for (int i = 0; i < 3; i++) {
            computation.get();
        }
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            computation.get();
            micros.add((System.nanoTime() - start) / 1_000);
        }
        micros.sort(Long::compare);
        return "| %s | %d | %.1f ms | %.1f ms | %.1f ms |\n".formatted(name, RUNS, micros.get(RUNS / 2) / 1000.0,
                micros.get((int) Math.ceil(RUNS * 0.95) - 1) / 1000.0, micros.getLast() / 1000.0);
    }

    private long count(String sql) {
        return db.sql(sql).map(row -> row.get("n", Long.class)).one().block();
    }
}
