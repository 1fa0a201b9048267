package io.vigie.live;

import io.vigie.VigieApiApplication;
import io.vigie.posts.PostView;
import io.vigie.spaces.Space;
import io.vigie.stack.TestStack;
import io.vigie.support.ApiTest;
import io.vigie.support.LiveStreams;
import io.vigie.support.Spaces;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two API instances on one database: a post written through one reaches a stream open on the
 * other, because events travel through PostgreSQL LISTEN/NOTIFY, not through memory; with both
 * indexers running, no outbox row is indexed twice (SKIP LOCKED claims); and a rebuild on one
 * instance gets the changes the other indexes meanwhile.
 */
class TwoInstancesTests extends ApiTest {

    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.r2dbc.core.DatabaseClient db;

    @Test
    void aPostWrittenThroughOneInstanceReachesAStreamOnTheOtherAndTheOutboxIsDrainedOnce() throws Exception {
        Caller alice = as("alice.martin").signedIn();
        Caller bruno = as("bruno.petit").signedIn();
        Space space = Spaces.create(alice, "Two instances " + UUID.randomUUID(), "open");
        bruno.postEmpty("/api/spaces/{id}/join", space.id()).expectStatus().isNoContent();

        // The second instance gets Reactor Netty resources of its own: with the JVM-wide ones, closing it would
        // dispose them under every other client in the test JVM (spring-boot#38199), and a later request would hang.
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(VigieApiApplication.class)
                .properties("server.port=0", "vigie.demo.enabled=false")
                .initializers(context -> ((GenericApplicationContext) context).registerBean("reactorResourceFactory",
                        ReactorResourceFactory.class, () -> {
                            ReactorResourceFactory own = new ReactorResourceFactory();
                            own.setUseGlobalResources(false);
                            return own;
                        }))
                .run()) {
            String port = second.getEnvironment().getProperty("local.server.port");
            WebTestClient other = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                    .responseTimeout(Duration.ofSeconds(20)).build();
            try (LiveStreams.Following onTheOther = LiveStreams.follow(other, "bruno.petit")) {
                PostView post = alice.post("/api/spaces/{id}/posts", Map.of("body", "Across instances"), space.id())
                        .expectStatus().isCreated().expectBody(PostView.class).returnResult().getResponseBody();
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(onTheOther.postIds()).contains(post.id()));
            }
            drainedExactlyOnceByTwoIndexers(space);
            aRebuildOnTheOtherInstanceGetsWhatThisOneIndexes(other, space);
        }
    }

    /**
     * The second instance rebuilds the index while people write through this one and both
     * indexers drain the outbox: every post is in the new index after the swap, including those
     * this instance indexed (the rebuild lease lives in PostgreSQL, where every indexer reads it;
     * when it lived in the rebuilding instance's memory, this instance wrote to the old index only).
     * One rebuild at a time, whichever instance is asked.
     */
    private void aRebuildOnTheOtherInstanceGetsWhatThisOneIndexes(WebTestClient other, Space space) throws Exception {
        Caller alice = as("alice.martin").signedIn();
        Caller emmaHere = as("emma.dubois").signedIn();
        Caller emmaThere = as("emma.dubois", other);
        String tag = "lease" + UUID.randomUUID().toString().substring(0, 8);
        String before = aliasTarget();

        List<UUID> written = new CopyOnWriteArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = Thread.ofVirtual().start(() -> {
            int i = 0;
            while (writing.get() || i < 10) {
                written.add(alice.post("/api/spaces/{id}/posts", Map.of("body", "During the rebuild " + i++ + " #" + tag), space.id())
                        .expectStatus().isCreated().expectBody(PostView.class).returnResult().getResponseBody().id());
            }
        });
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> written.size() >= 3);
            emmaThere.post("/api/admin/search/reindex", Map.of()).expectStatus().isAccepted();
            emmaHere.post("/api/admin/search/reindex", Map.of()).expectStatus().isEqualTo(409);
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> emmaThere.get("/api/admin/search/reindex")
                    .expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("done"));
        } finally {
            writing.set(false);
            writer.join();
        }

        assertThat(aliasTarget()).isNotEqualTo(before);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Map<?, ?> results = alice.get("/api/search?tag={tag}&type=post&size=50", tag).expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody();
            assertThat(((Number) results.get("total")).intValue()).as("posts written during the rebuild").isEqualTo(written.size());
        });
    }

    private String aliasTarget() throws Exception {
        return JSON.readTree(elasticsearch("GET", "/_alias/vigie-content", null)).propertyNames().iterator().next();
    }

    /**
     * With both instances' indexers competing for the outbox, 5,000 posts written at once are all
     * indexed, and not one indexing operation is wasted on a row the other instance took (a second write of the same
     * document and version would fail as a version conflict and count in index_failed; the check
     * first proves, on a scratch index, that it does).
     */
    private void drainedExactlyOnceByTwoIndexers(Space space) throws Exception {
        String scratch = "vigie-scratch-" + UUID.randomUUID();
        elasticsearch("PUT", "/" + scratch + "/_doc/a?version=1&version_type=external", "{}");
        elasticsearch("PUT", "/" + scratch + "/_doc/a?version=1&version_type=external", "{}");
        assertThat(indexing("/" + scratch, "index_failed")).as("a repeated write is counted as failed").isEqualTo(1);
        elasticsearch("DELETE", "/" + scratch, null);

        long failedBefore = indexing("/vigie-content", "index_failed");
        int posts = 5_000;
        db.sql("""
                        WITH author AS (SELECT id FROM person WHERE username = 'alice.martin'),
                             inserted AS (
                                 INSERT INTO post (id, space_id, author_id, body_markdown, body_html)
                                 SELECT gen_random_uuid(), :space, author.id, 'Drained post ' || n, '<p>Drained post ' || n || '</p>'
                                 FROM generate_series(1, :count) AS n, author
                                 RETURNING id)
                        INSERT INTO outbox (entity_type, entity_id) SELECT 'POST', id FROM inserted""")
                .bind("space", space.id()).bind("count", posts).fetch().rowsUpdated().block();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            elasticsearch("POST", "/vigie-content/_refresh", null);
            return count(space) == posts + 1;   // and the post written through the API above
        });
        assertThat(indexing("/vigie-content", "index_failed") - failedBefore).as("indexing operations wasted on a row indexed twice").isZero();
        assertThat(db.sql("SELECT count(*) FROM outbox o JOIN post p ON p.id = o.entity_id WHERE p.space_id = :space")
                .bind("space", space.id()).map(row -> row.get(0, Long.class)).one().block()).isZero();
    }

    private long count(Space space) throws Exception {
        return JSON.readTree(elasticsearch("POST", "/vigie-content/_count", """
                {"query": {"bool": {"filter": [{"term": {"space_id": "%s"}}, {"term": {"type": "post"}}]}}}""".formatted(space.id())))
                .get("count").asLong();
    }

    private long indexing(String index, String field) throws Exception {
        return JSON.readTree(elasticsearch("GET", index + "/_stats/indexing", null))
                .path("_all").path("primaries").path("indexing").path(field).asLong();
    }

    private String elasticsearch(String method, String path, String json) throws Exception {
        java.net.http.HttpResponse<String> response = HTTP.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(TestStack.settings().elasticsearchUrl() + path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? java.net.http.HttpRequest.BodyPublishers.noBody() : java.net.http.HttpRequest.BodyPublishers.ofString(json))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        return response.body();
    }
}
