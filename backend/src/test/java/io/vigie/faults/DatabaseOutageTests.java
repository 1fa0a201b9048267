package io.vigie.faults;

import io.vigie.spaces.Space;
import io.vigie.stack.TestStack;
import io.vigie.support.ApiTest;
import io.vigie.support.Spaces;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL restarts while people read and write. During the outage every request gets a clean
 * 503 problem (never a 500); afterwards the API recovers by itself, and the count of what was
 * written equals the count of what is found: in the database and in search, each post once.
 */
class DatabaseOutageTests extends ApiTest {

    @Autowired
    DatabaseClient db;

    @Test
    void aRestartGivesCleanErrorsThenEverythingWrittenIsFoundOnce() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Caller alice = as("alice.martin").signedIn();
        Caller bruno = as("bruno.petit").signedIn();
        Space space = Spaces.create(alice, "Restart " + run, "open");
        List<Integer> statuses = new ArrayList<>();
        int accepted = 0;
        for (int i = 0; i < 10; i++) {
            accepted += write(alice, space, run, i, statuses);
        }

        TestStack.stopPostgres();
        try {
            for (int i = 10; i < 20; i++) {
                accepted += write(alice, space, run, i, statuses);
            }
            bruno.get("/api/spaces/{id}/posts", space.id()).expectStatus().isEqualTo(503)
                    .expectHeader().valueEquals("Retry-After", "5")
                    .expectBody().jsonPath("$.title").isEqualTo("Database unavailable");
        } finally {
            TestStack.startPostgres();
        }
        assertThat(statuses.subList(10, 20)).as("writes during the outage").containsOnly(503);

        // The API recovers by itself: the pool replaces its dead connections.
        await().atMost(Duration.ofSeconds(60)).until(() -> alice.post("/api/spaces/{id}/posts",
                Map.of("body", "After the restart " + run), space.id()).returnResult(Void.class).getStatus().value() == 201);
        for (int i = 20; i < 30; i++) {
            accepted += write(alice, space, run, i, statuses);
        }
        assertThat(statuses.subList(20, 30)).as("writes after the restart").containsOnly(201);

        long stored = db.sql("SELECT count(*) FROM post WHERE space_id = :space AND body_markdown LIKE 'Numbered %'")
                .bind("space", space.id()).map(row -> row.get(0, Long.class)).one().block();
        // Keycloak shares this PostgreSQL here: its pool answers one request per dead connection with
        // a 500, then recovers by itself. Later tests need it whole: wait for a run of good sign-ins.
        java.util.concurrent.atomic.AtomicInteger goodInARow = new java.util.concurrent.atomic.AtomicInteger();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            try {
                io.vigie.support.Keycloak.freshToken("bruno.petit");
                return goodInARow.incrementAndGet() >= 10;
            } catch (IllegalStateException refused) {
                goodInARow.set(0);
                return false;
            }
        });

        int written = accepted;
        assertThat(stored).as("posts stored").isEqualTo(written);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<?> found = (List<?>) bruno.get("/api/search?q={q}&space={space}&type=post&size=50", "\"Numbered " + run + "\"", space.id())
                    .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("items");
            assertThat(found).as("posts found, each once").hasSize(written);
        });
    }

    private static int write(Caller caller, Space space, String run, int number, List<Integer> statuses) {
        int status = caller.post("/api/spaces/{id}/posts", Map.of("body", "Numbered " + run + " post " + number), space.id())
                .returnResult(Void.class).getStatus().value();
        statuses.add(status);
        return status == 201 ? 1 : 0;
    }
}
