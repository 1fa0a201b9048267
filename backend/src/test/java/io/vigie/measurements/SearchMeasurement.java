package io.vigie.measurements;

import io.vigie.spaces.Space;
import io.vigie.support.ApiTest;
import io.vigie.support.Keycloak;
import io.vigie.support.Spaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Search latency on an index of 100,000 documents, over HTTP with a real token, for a mix of
 * queries (one or two words, a phrase, a typo, with and without filters). The posts are written
 * in bulk in PostgreSQL with their outbox rows (the rows the write path produces) and indexed by
 * the real indexer. Run with {@code ./vigie measure}; it writes {@code bench/results/search.md}.
 */
@EnabledIfSystemProperty(named = "vigie.measure", matches = "true")
class SearchMeasurement extends ApiTest {

    private static final int TARGET_DOCUMENTS = 100_000;
    private static final int REQUESTS = 500;
    /** French and English words of an enterprise network; drawn with a skew, so some are frequent and some rare. */
    private static final List<String> WORDS = List.of(("""
            projet project équipe team client customer réunion meeting budget stratégie strategy marché market produit product
            innovation données data sécurité security cloud kubernetes migration formation training recrutement hiring
            énergie energy durable sustainable climat climate carbone carbon objectif goal résultat result trimestre quarter
            vente sales marketing campagne campaign lancement launch partenaire partner fournisseur supplier contrat contract
            qualité quality processus process amélioration improvement automatisation automation intelligence artificielle
            artificial modèle model analyse analysis tableau dashboard indicateur metric performance croissance growth
            service support incident panne outage déploiement deployment version release application mobile web design
            expérience experience utilisateur user recherche research développement development test tests architecture
            réseau network serveur server base database veille watch tendance trend article conférence conference salon
            événement event webinaire webinar podcast vidéo video communication interne internal externe external
            ambassadeur ambassador idée idea challenge défi prix award équipe talent mentor onboarding télétravail remote
            bureau office déménagement move santé health bien-être wellbeing sport solidarité charity association
            """).strip().split("\\s+"));

    @LocalServerPort
    private int port;

    @Autowired
    private DatabaseClient db;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void measure() throws Exception {
        Caller alice = as("alice.martin").signedIn();
        Caller bruno = as("bruno.petit").signedIn();
        long existing = count("SELECT count(*) AS n FROM post WHERE deleted_at IS NULL");
        long toWrite = Math.max(0, TARGET_DOCUMENTS - existing);
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<UUID> spaces = new ArrayList<>();
        for (int s = 0; s < 12; s++) {
            Space space = Spaces.create(alice, "Search bench " + run + " " + s, s % 4 == 3 ? "private" : "open");
            if (s % 4 != 3) {
                bruno.postEmpty("/api/spaces/{id}/join", space.id()).expectStatus().isNoContent();
            }
            spaces.add(space.id());
        }
        long start = System.nanoTime();
        if (toWrite > 0) {
            db.sql("""
                            WITH authors AS (SELECT array_agg(id ORDER BY username) AS ids FROM person
                                             WHERE username IN ('alice.martin','bruno.petit','chloe.bernard','david.leroy','emma.dubois','farid.haddad')),
                                 texts AS (
                                     SELECT n, array_to_string(ARRAY(
                                                SELECT (:words)[1 + floor(power(random(), 2) * cardinality(:words))::int]
                                                FROM generate_series(1, 12 + n % 25)), ' ') AS body
                                     FROM generate_series(1, :count) AS n),
                                 inserted AS (
                                     INSERT INTO post (id, space_id, author_id, body_markdown, body_html, hashtags, upvotes, downvotes,
                                                       comment_count, created_at)
                                     SELECT gen_random_uuid(), (:spaces)[1 + t.n % cardinality(:spaces)], a.ids[1 + t.n % cardinality(a.ids)],
                                            t.body, '<p>' || t.body || '</p>', ARRAY['bench' || (t.n % 40)],
                                            floor(power(random(), 3) * 60)::int, floor(random() * 3)::int, floor(power(random(), 2) * 20)::int,
                                            now() - random() * interval '365 days'
                                     FROM texts t, authors a
                                     RETURNING id)
                            INSERT INTO outbox (entity_type, entity_id) SELECT 'POST', id FROM inserted
                            """)
                    .bind("words", WORDS.toArray(String[]::new))
                    .bind("spaces", spaces.toArray(UUID[]::new))
                    .bind("count", toWrite)
                    .fetch().rowsUpdated().block();
        }
        long written = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        await().pollInterval(Duration.ofMillis(200)).atMost(Duration.ofMinutes(10))
                .until(() -> count("SELECT count(*) AS n FROM outbox") == 0L);
        long indexed = (System.nanoTime() - start) / 1_000_000;
        long documents = count("SELECT (SELECT count(*) FROM post WHERE deleted_at IS NULL) + (SELECT count(*) FROM comment) "
                + "+ (SELECT count(*) FROM space) + (SELECT count(*) FROM person) AS n");

        StringBuilder report = new StringBuilder("# Search latency\n\n")
                .append("Measured on ").append(LocalDate.now()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, with `./vigie measure` (class `SearchMeasurement`): `GET /api/search` over HTTP with a real token, the\n")
                .append("API in the test JVM, Elasticsearch, PostgreSQL and Keycloak on the same machine.\n\n")
                .append("The index holds %,d documents (posts, comments, spaces, people). ".formatted(documents))
                .append(toWrite == 0 ? "An earlier run had loaded the posts (the test stack keeps its data).\n"
                        : "This run wrote %,d posts in bulk (%,d ms) and the real indexer drained their outbox in %,d ms (%,.0f documents per second).\n"
                                .formatted(toWrite, written, indexed, toWrite * 1000.0 / Math.max(1, indexed)))
                .append("A quarter of the bench spaces are\n")
                .append("private, so the visibility filter has work to do. Texts draw on a %d-word French and English vocabulary.\n\n"
                        .formatted(WORDS.size()))
                .append("| query mix | concurrency | requests | p50 | p95 | p99 | requests/s | median matches |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        Random random = new Random(42);
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            paths.add(path(random));
        }
        for (int concurrency : new int[] {1, 8, 16}) {
            report.append(timed("mixed (first pages, facets, highlights)", paths, concurrency));
        }
        report.append("""

                The mix, drawn with a fixed seed: one word (40 %), two words (25 %), a quoted phrase (10 %), a misspelled word
                (10 %), a word with a type or tag filter (15 %); a third sorted by newest. Each request is a first page: it opens a
                point in time, computes totals, five facets, the "exact match" count and highlights.

                This is a harsh mix: with a vocabulary of 152 words, a typical query matches tens of thousands of documents
                (last column), and Elasticsearch must score and aggregate every one of them (function_score rules out
                skipping non-competitive documents). Where the time goes, and how to cut it, is issue 7's profiling work.
                """);
        Path out = Path.of(System.getProperty("user.dir")).resolveSibling("bench").resolve("results").resolve("search.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
        assertThat(documents).isGreaterThanOrEqualTo(TARGET_DOCUMENTS);
    }

    private String path(Random random) {
        String word = WORDS.get((int) (Math.pow(random.nextDouble(), 2) * WORDS.size()));
        String other = WORDS.get(random.nextInt(WORDS.size()));
        int kind = random.nextInt(100);
        String q;
        String more = "";
        if (kind < 40) {
            q = word;
        } else if (kind < 65) {
            q = word + " " + other;
        } else if (kind < 75) {
            q = "\"" + word + " " + other + "\"";
        } else if (kind < 85) {
            q = word.length() > 4 ? word.substring(0, 2) + word.charAt(3) + word.charAt(2) + word.substring(4) : word + "e";
        } else {
            q = word;
            more = random.nextBoolean() ? "&type=post" : "&tag=bench" + random.nextInt(40);
        }
        if (random.nextInt(3) == 0) {
            more += "&sort=newest";
        }
        return "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + more;
    }

    private static final java.util.regex.Pattern TOTAL = java.util.regex.Pattern.compile("\"total\":(\\d+)");

    private String timed(String name, List<String> paths, int concurrency) throws Exception {
        List<Long> matches = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 50; i++) {
            get(paths.get(i));
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            List<Callable<Long>> calls = new ArrayList<>();
            for (String path : paths) {
                calls.add(() -> {
                    long start = System.nanoTime();
                    HttpResponse<String> response = get(path);
                    long micros = (System.nanoTime() - start) / 1_000;
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
                    }
                    java.util.regex.Matcher total = TOTAL.matcher(response.body());
                    matches.add(total.find() ? Long.parseLong(total.group(1)) : 0L);
                    return micros;
                });
            }
            long start = System.nanoTime();
            List<Future<Long>> results = pool.invokeAll(calls);
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] micros = new long[paths.size()];
            for (int i = 0; i < micros.length; i++) {
                micros[i] = results.get(i).get();
            }
            Arrays.sort(micros);
            long[] matched = matches.stream().mapToLong(Long::longValue).sorted().toArray();
            return "| %s | %d | %d | %.1f ms | %.1f ms | %.1f ms | %.0f | %,d |\n".formatted(name, concurrency, paths.size(),
                    pct(micros, 50) / 1000.0, pct(micros, 95) / 1000.0, pct(micros, 99) / 1000.0, paths.size() / seconds,
                    pct(matched, 50));
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + Keycloak.accessToken("bruno.petit")).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private long count(String sql) {
        return db.sql(sql).map(row -> row.get("n", Long.class)).one().block();
    }

    private static long pct(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }
}
