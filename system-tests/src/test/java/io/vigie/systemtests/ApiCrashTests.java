package io.vigie.systemtests;

import io.vigie.stack.StackSettings;
import io.vigie.stack.TestStack;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The API process is killed (SIGKILL, as a crash) while its indexer drains a large outbox, then
 * started again: the outbox resumes where the database says it stands, and every post becomes
 * searchable exactly once (the count in Elasticsearch equals the count written; nothing is left
 * in the outbox). The posts are written straight into PostgreSQL with their outbox rows, in one
 * transaction, as the API's own writes are.
 */
class ApiCrashTests {

    private static final int POSTS = 20_000;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theApiKilledMidIndexingResumesAndIndexesEveryPostOnce() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String space = ApiAs.person("alice.martin").post("/api/spaces", "{\"name\":\"Crash " + run + "\",\"kind\":\"open\"}")
                .get("id").asString();
        try (Connection db = database(); PreparedStatement insert = db.prepareStatement("""
                WITH author AS (SELECT id FROM person WHERE username = 'alice.martin'),
                     inserted AS (
                         INSERT INTO post (id, space_id, author_id, body_markdown, body_html)
                         SELECT gen_random_uuid(), CAST(? AS uuid), author.id, 'Crash post ' || n, '<p>Crash post ' || n || '</p>'
                         FROM generate_series(1, ?) AS n, author
                         RETURNING id)
                INSERT INTO outbox (entity_type, entity_id) SELECT 'POST', id FROM inserted""")) {
            insert.setString(1, space);
            insert.setInt(2, POSTS);
            assertThat(insert.executeUpdate()).isEqualTo(POSTS);
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> indexed(space) > 0);
        TestStack.killApi();
        long atCrash = indexed(space);
        long waiting = waitingInOutbox(space);
        System.out.printf("API killed with %,d of %,d posts searchable, %,d outbox rows waiting%n", atCrash, POSTS, waiting);
        assertThat(waiting).as("the crash came mid-way through the outbox").isPositive();

        TestStack.startApi();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> indexed(space) == POSTS);
        await().atMost(Duration.ofSeconds(30)).until(() -> waitingInOutbox(space) == 0);
        assertThat(indexed(space)).as("each post once").isEqualTo(POSTS);
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(TestStack.settings().jdbcUrl(StackSettings.DB_NAME), StackSettings.DB_USER, StackSettings.DB_PASSWORD);
    }

    private static long waitingInOutbox(String space) throws SQLException {
        try (Connection db = database(); PreparedStatement query = db.prepareStatement("""
                SELECT count(*) FROM outbox o JOIN post p ON p.id = o.entity_id
                WHERE o.entity_type = 'POST' AND p.space_id = CAST(? AS uuid)""")) {
            query.setString(1, space);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Posts of the space in the search index, counted by Elasticsearch itself (after a refresh). */
    private static long indexed(String space) throws Exception {
        String es = TestStack.settings().elasticsearchUrl();
        HTTP.send(HttpRequest.newBuilder(URI.create(es + "/vigie-content/_refresh")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(es + "/vigie-content/_count"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"query": {"bool": {"filter": [{"term": {"space_id": "%s"}}, {"term": {"type": "post"}}]}}}""".formatted(space)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("count").asLong();
    }
}
