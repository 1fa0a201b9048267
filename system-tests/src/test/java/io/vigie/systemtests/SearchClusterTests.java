package io.vigie.systemtests;

import io.vigie.stack.ApiProcess;
import io.vigie.stack.SearchCluster;
import io.vigie.stack.StackSettings;
import io.vigie.stack.TestStack;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The search engine as a two-node cluster on loopback, the index with one replica (its template
 * auto-expands replicas to 0–1: one node keeps none, two keep one), and the node holding the primary killed while people write and search through the API: every search keeps
 * answering, every accepted post is found once, and both copies hold them all once the node is
 * back. The API here is a process of its own with a database of its own (on the test stack's
 * PostgreSQL, with the test stack's Keycloak), and it knows both nodes' addresses.
 */
class SearchClusterTests {

    private static final String DATABASE = "vigie_cluster";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void losingTheNodeWithThePrimaryCostsNoAnswerAndNoPost() throws Exception {
        StackSettings settings = TestStack.settings();
        recreateDatabase(settings);
        Path dir = settings.dataDir().resolve("search-cluster");
        deleteRecursively(dir);
        try (SearchCluster cluster = SearchCluster.start(settings, dir, "vigie-pair", 2)) {
            String node1 = cluster.url("node-1");
            // The index is created with node-1 excluded, so its primary lands on node-2, the node this test kills.
            putAllocationExclusion(node1, "node-1");
            try (ApiProcess api = ApiProcess.start(settings, "api-cluster", Map.of(
                    "spring.r2dbc.url", settings.r2dbcUrl(DATABASE),
                    "spring.flyway.url", settings.jdbcUrl(DATABASE),
                    "vigie.elasticsearch.url", String.join(",", cluster.urls())))) {
                await().atMost(Duration.ofSeconds(60)).until(() -> status(node1, "/_alias/vigie-content") == 200);
                putAllocationExclusion(node1, null);
                awaitHealth(node1, "green");
                assertThat(copies(node1)).as("primary on node-2, replica on node-1")
                        .containsExactlyInAnyOrder("primary@node-2", "replica@node-1");

                ApiAs alice = ApiAs.person("alice.martin").at(api.url());
                String word = "grappe" + UUID.randomUUID().toString().substring(0, 8);
                String space = alice.post("/api/spaces", "{\"name\":\"Cluster " + word + "\",\"kind\":\"open\"}").get("id").asString();

                try (Traffic traffic = new Traffic(alice, space, word)) {
                    await().atMost(Duration.ofSeconds(60)).until(() -> traffic.accepted.size() >= 40 && traffic.searches.get() >= 20);
                    cluster.killNode("node-2");
                    int writtenBefore = traffic.accepted.size();
                    int searchedBefore = traffic.searches.get();
                    // The replica on node-1 becomes the primary (and, auto-expanded, the only copy); traffic goes on meanwhile.
                    await().atMost(Duration.ofSeconds(60)).until(() -> copies(node1).equals(List.of("primary@node-1")));
                    await().atMost(Duration.ofSeconds(60)).until(() -> traffic.accepted.size() >= writtenBefore + 40
                            && traffic.searches.get() >= searchedBefore + 20);
                    int writtenDuringOutage = traffic.accepted.size() - writtenBefore;
                    int searchedDuringOutage = traffic.searches.get() - searchedBefore;

                    cluster.startNode("node-2");
                    await().atMost(Duration.ofSeconds(60)).until(() -> copies(node1).size() == 2);
                    awaitHealth(node1, "green");
                    int writtenAfterReturn = traffic.accepted.size();
                    await().atMost(Duration.ofSeconds(60)).until(() -> traffic.accepted.size() >= writtenAfterReturn + 20);
                    traffic.close();

                    assertThat(traffic.failures).as("every write and search answered").isEmpty();
                    int written = traffic.accepted.size();
                    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                            .until(() -> searchTotal(alice, word) == written);
                    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                        assertThat(countOn(node1, "node-1", space)).as("the copy on node-1").isEqualTo(written);
                        assertThat(countOn(node1, "node-2", space)).as("the copy on node-2, recovered").isEqualTo(written);
                    });
                    System.out.printf("search cluster: %d posts written (%d while node-2 was down), %d searches (%d while down), "
                            + "all answered; each copy holds %d%n", written, writtenDuringOutage, traffic.searches.get(),
                            searchedDuringOutage, written);
                }
            }
        } finally {
            dropDatabase(settings);
        }
    }

    /** One writer and one searcher, each as fast as the API answers, until closed. */
    private static final class Traffic implements AutoCloseable {
        final Set<String> accepted = ConcurrentHashMap.newKeySet();
        final AtomicInteger searches = new AtomicInteger();
        final List<String> failures = new CopyOnWriteArrayList<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads;

        Traffic(ApiAs person, String space, String word) {
            AtomicInteger sequence = new AtomicInteger();
            threads = List.of(
                    Thread.ofVirtual().start(() -> loop(() -> {
                        int n = sequence.incrementAndGet();
                        HttpResponse<String> answer = person.attempt(person.request("/api/spaces/" + space + "/posts")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"body\":\"" + word + " post " + n + "\"}")));
                        if (answer.statusCode() == 201) {
                            accepted.add(JSON.readTree(answer.body()).get("id").asString());
                        } else {
                            failures.add("write " + n + ": " + answer.statusCode() + " " + answer.body());
                        }
                    })),
                    Thread.ofVirtual().start(() -> loop(() -> {
                        HttpResponse<String> answer = person.attempt(person.request("/api/search?q=" + word).GET());
                        searches.incrementAndGet();
                        if (answer.statusCode() != 200) {
                            failures.add("search: " + answer.statusCode() + " " + answer.body());
                        }
                    })));
        }

        private void loop(Runnable call) {
            while (running.get()) {
                try {
                    call.run();
                } catch (RuntimeException e) {
                    failures.add(e.toString());
                }
            }
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join(Duration.ofSeconds(30));
            }
        }
    }

    private static long searchTotal(ApiAs person, String word) {
        return person.get("/api/search?type=post&q=" + URLEncoder.encode(word, StandardCharsets.UTF_8)).get("total").asLong();
    }

    /** Posts of the space in the copy that one node holds, counted by Elasticsearch itself (after a refresh). */
    private static long countOn(String node1, String copyNode, String space) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(URI.create(node1 + "/vigie-content/_refresh")).POST(HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> answer = send(HttpRequest.newBuilder(
                        URI.create(node1 + "/vigie-content/_count?preference=_only_nodes:" + copyNode))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"query": {"bool": {"filter": [{"term": {"space_id": "%s"}}, {"term": {"type": "post"}}]}}}""".formatted(space))));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body()).get("count").asLong();
    }

    /** Each shard copy of the index as {@code primary@node} or {@code replica@node}. */
    private static List<String> copies(String node) throws IOException, InterruptedException {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(
                URI.create(node + "/_cat/shards/vigie-content?format=json&h=prirep,node")).GET());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body()).valueStream()
                .map(copy -> ("p".equals(copy.get("prirep").asString()) ? "primary@" : "replica@") + copy.get("node").asString())
                .toList();
    }

    private static void awaitHealth(String node, String status) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(node + "/_cluster/health?timeout=1s")).GET());
            return status.equals(JSON.readTree(answer.body()).get("status").asString());
        });
    }

    private static void putAllocationExclusion(String node, String nodeName) throws IOException, InterruptedException {
        String value = nodeName == null ? "null" : "\"" + nodeName + "\"";
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(node + "/_cluster/settings"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"persistent\": {\"cluster.routing.allocation.exclude._name\": " + value + "}}")));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    private static int status(String node, String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(node + path)).GET()).statusCode();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void recreateDatabase(StackSettings settings) throws SQLException {
        dropDatabase(settings);
        try (Connection db = admin(settings); Statement sql = db.createStatement()) {
            sql.execute("CREATE DATABASE " + DATABASE + " OWNER " + StackSettings.DB_USER);
        }
    }

    private static void dropDatabase(StackSettings settings) throws SQLException {
        try (Connection db = admin(settings); Statement sql = db.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
    }

    /** The embedded server's superuser (trusted on loopback): the API's own role may not create databases. */
    private static Connection admin(StackSettings settings) throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl("postgres"), "postgres", "");
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
