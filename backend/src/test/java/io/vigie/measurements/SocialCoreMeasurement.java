package io.vigie.measurements;

import io.vigie.feeds.FeedPage;
import io.vigie.posts.PostView;
import io.vigie.spaces.Space;
import io.vigie.support.ApiTest;
import io.vigie.support.Keycloak;
import io.vigie.support.Spaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The social core's two figures, measured on the real stack (not a test: it asserts only that the
 * measurement ran). Run with {@code ./vigie measure}; it writes {@code bench/results/social-core.md}.
 * <ol>
 *   <li>Post → visible in another person's home feed: 200 posts, one after the other, each timed
 *       from before the POST until a second person's feed (polled every 5 ms) contains it.</li>
 *   <li>Feed response times with 10,000 more posts loaded: rows and outbox written in bulk in
 *       PostgreSQL (the same rows the write path produces), drained by the real indexer, then
 *       home, space and hashtag feeds timed over HTTP, one at a time and 8 at once.</li>
 * </ol>
 */
@EnabledIfSystemProperty(named = "vigie.measure", matches = "true")
class SocialCoreMeasurement extends ApiTest {

    private static final int VISIBILITY_POSTS = 200;
    private static final int BULK_POSTS = 10_000;
    private static final int BULK_SPACES = 10;
    private static final int REQUESTS = 400;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    private int port;

    @Autowired
    private DatabaseClient db;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final StringBuilder report = new StringBuilder();

    @Test
    void measure() throws Exception {
        Caller alice = as("alice.martin").signedIn();
        Caller bruno = as("bruno.petit").signedIn();
        String run = UUID.randomUUID().toString().substring(0, 8);
        Space space = Spaces.create(alice, "Measurement " + run, "open");
        bruno.postEmpty("/api/spaces/{id}/join", space.id()).expectStatus().isNoContent();

        report.append("# Social core: measured figures\n\n")
                .append("Measured on ").append(LocalDate.now()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, with `./vigie measure` (class `SocialCoreMeasurement`): the API in the test JVM, against the\n")
                .append("test stack's real PostgreSQL, Elasticsearch node and Keycloak on the same machine. Latencies are\n")
                .append("client-side, over HTTP on loopback, with a real Keycloak token.\n\n");

        measureWriteToFeed(alice, space);
        loadBulkPosts(alice, bruno, run);
        measureFeeds(bruno, space);

        Path out = Path.of(System.getProperty("user.dir")).resolveSibling("bench").resolve("results").resolve("social-core.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
        assertThat(out).exists();
    }

    private void measureWriteToFeed(Caller alice, Space space) throws Exception {
        long[] millis = new long[VISIBILITY_POSTS];
        for (int i = 0; i < VISIBILITY_POSTS; i++) {
            long start = System.nanoTime();
            PostView post = alice.post("/api/spaces/{id}/posts", Map.of("body", "Measured post " + i + " #measure"), space.id())
                    .expectStatus().isCreated().expectBody(PostView.class).returnResult().getResponseBody();
            String id = post.id().toString();
            await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5)).atMost(Duration.ofSeconds(30))
                    .until(() -> get("bruno.petit", "/api/feed?order=latest&size=5").body().contains(id));
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        report.append("## Post → visible in another person's home feed\n\n")
                .append("| posts | p50 | p95 | p99 | max |\n|---:|---:|---:|---:|---:|\n")
                .append("| %d | %d ms | %d ms | %d ms | %d ms |\n\n".formatted(VISIBILITY_POSTS, pct(millis, 50), pct(millis, 95),
                        pct(millis, 99), millis[millis.length - 1]))
                .append("The path: POST commits the post and its outbox row; the indexer (polling an empty outbox every\n")
                .append("100 ms) sends a bulk request; Elasticsearch refreshes every 500 ms; the reader's feed query sees it.\n\n");
    }

    /** Bulk rows like the write path's: posts over the last 30 days, engagement counts, outbox rows. */
    private void loadBulkPosts(Caller alice, Caller bruno, String run) {
        List<UUID> spaces = new ArrayList<>();
        for (int s = 0; s < BULK_SPACES; s++) {
            Space space = Spaces.create(alice, "Bulk " + run + " " + s, "open");
            bruno.postEmpty("/api/spaces/{id}/join", space.id()).expectStatus().isNoContent();
            spaces.add(space.id());
        }
        long start = System.nanoTime();
        db.sql("""
                        WITH authors AS (SELECT array_agg(id ORDER BY username) AS ids FROM person
                                         WHERE username IN ('alice.martin','bruno.petit','chloe.bernard','david.leroy','emma.dubois','farid.haddad')),
                             inserted AS (
                                 INSERT INTO post (id, space_id, author_id, body_markdown, body_html, hashtags, upvotes, downvotes,
                                                   comment_count, created_at)
                                 SELECT gen_random_uuid(), (:spaces)[1 + n % cardinality(:spaces)], a.ids[1 + n % cardinality(a.ids)],
                                        'Bulk post ' || n || ' about #topic' || (n % 50),
                                        '<p>Bulk post ' || n || ' about <a class="hashtag" href="/tags/topic' || (n % 50) || '">#topic'
                                            || (n % 50) || '</a></p>',
                                        ARRAY['topic' || (n % 50)],
                                        floor(power(random(), 3) * 60)::int, floor(random() * 3)::int, floor(power(random(), 2) * 20)::int,
                                        now() - random() * interval '30 days'
                                 FROM generate_series(1, :count) AS n, authors a
                                 RETURNING id)
                        INSERT INTO outbox (entity_type, entity_id) SELECT 'POST', id FROM inserted
                        """)
                .bind("spaces", spaces.toArray(UUID[]::new))
                .bind("count", BULK_POSTS)
                .fetch().rowsUpdated().block();
        long inserted = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        await().pollInterval(Duration.ofMillis(100)).atMost(Duration.ofMinutes(5)).until(() ->
                db.sql("SELECT count(*) AS n FROM outbox").map(row -> row.get("n", Long.class)).one().block() == 0L);
        long indexed = (System.nanoTime() - start) / 1_000_000;
        long total = db.sql("SELECT count(*) AS n FROM post WHERE deleted_at IS NULL").map(row -> row.get("n", Long.class)).one().block();
        report.append("## Feeds with %,d more posts\n\n".formatted(BULK_POSTS))
                .append("%,d posts in %d spaces written in bulk in %d ms; the indexer drained their outbox into Elasticsearch in %,d ms\n"
                        .formatted(BULK_POSTS, BULK_SPACES, inserted, indexed))
                .append("(%,.0f documents per second). The database now holds %,d posts; the reader belongs to %d+ spaces.\n\n"
                        .formatted(BULK_POSTS * 1000.0 / Math.max(1, indexed), total, BULK_SPACES + 1));
    }

    private void measureFeeds(Caller bruno, Space space) throws Exception {
        report.append("| feed | concurrency | requests | p50 | p95 | p99 | requests/s |\n|---|---:|---:|---:|---:|---:|---:|\n");
        String deepCursor = cursorAfterPages("/api/feed?order=latest&size=20", 25);
        Map<String, String> feeds = new java.util.LinkedHashMap<>();
        feeds.put("home, relevant", "/api/feed?order=relevant&size=20");
        feeds.put("home, latest", "/api/feed?order=latest&size=20");
        feeds.put("home, latest, page 26 (cursor)", "/api/feed?order=latest&size=20&cursor=" + deepCursor);
        feeds.put("space, latest (pinned first)", "/api/spaces/" + space.id() + "/posts?size=20");
        feeds.put("hashtag, latest", "/api/tags/topic7/posts?size=20");
        for (Map.Entry<String, String> feed : feeds.entrySet()) {
            for (int concurrency : new int[] {1, 8}) {
                timed(feed.getKey(), feed.getValue(), concurrency);
            }
        }
        report.append("\nEach row: 50 warm-up requests, then ").append(REQUESTS)
                .append(" timed ones, each a full page of 20 posts with the reader's own votes.\n");
    }

    private void timed(String name, String path, int concurrency) throws Exception {
        for (int i = 0; i < 50; i++) {
            assertThat(get("bruno.petit", path).statusCode()).isEqualTo(200);
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            List<Callable<Long>> calls = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                calls.add(() -> {
                    long start = System.nanoTime();
                    HttpResponse<String> response = get("bruno.petit", path);
                    long micros = (System.nanoTime() - start) / 1_000;
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(path + " answered " + response.statusCode());
                    }
                    return micros;
                });
            }
            long start = System.nanoTime();
            List<Future<Long>> results = pool.invokeAll(calls);
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] micros = new long[REQUESTS];
            for (int i = 0; i < REQUESTS; i++) {
                micros[i] = results.get(i).get();
            }
            Arrays.sort(micros);
            report.append("| %s | %d | %d | %.1f ms | %.1f ms | %.1f ms | %.0f |\n".formatted(name, concurrency, REQUESTS,
                    pct(micros, 50) / 1000.0, pct(micros, 95) / 1000.0, pct(micros, 99) / 1000.0, REQUESTS / seconds));
        }
    }

    private String cursorAfterPages(String path, int pages) throws IOException, InterruptedException {
        String cursor = null;
        for (int i = 0; i < pages; i++) {
            JsonNode page = JSON.readTree(get("bruno.petit", cursor == null ? path : path + "&cursor=" + cursor).body());
            cursor = page.get("next").asString();
        }
        return cursor;
    }

    private HttpResponse<String> get(String username, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + Keycloak.accessToken(username)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long pct(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }
}
