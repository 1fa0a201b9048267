package io.vigie.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import io.vigie.posts.PostView;
import io.vigie.spaces.Space;
import io.vigie.support.ApiTest;
import io.vigie.support.Spaces;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Rebuilding the index behind its alias while people write, and repairing drift. */
class IndexLifecycleTests extends ApiTest {

    @Autowired
    ElasticsearchAsyncClient elasticsearch;

    @Autowired
    org.springframework.r2dbc.core.DatabaseClient db;

    @Test
    void aRebuildSwapsTheAliasAndLosesNoWriteMadeDuringIt() throws Exception {
        Caller emma = as("emma.dubois").signedIn();
        Caller alice = as("alice.martin").signedIn();
        Space space = Spaces.create(alice, "Rebuild " + UUID.randomUUID(), "open");
        String tag = "rebuild" + UUID.randomUUID().toString().substring(0, 8);
        Set<String> before = aliasTargets();

        // Writes go on before, during and after the rebuild.
        List<UUID> written = new CopyOnWriteArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = Thread.ofVirtual().start(() -> {
            int i = 0;
            while (writing.get() || i < 10) {
                written.add(alice.post("/api/spaces/{id}/posts", Map.of("body", "Write " + i++ + " #" + tag), space.id())
                        .expectStatus().isCreated().expectBody(PostView.class).returnResult().getResponseBody().id());
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> written.size() >= 3);
        as("bruno.petit").signedIn().post("/api/admin/search/reindex", Map.of()).expectStatus().isForbidden();
        emma.post("/api/admin/search/reindex", Map.of()).expectStatus().isAccepted()
                .expectBody().jsonPath("$.state").isEqualTo("running");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                emma.get("/api/admin/search/reindex").expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("done"));
        writing.set(false);
        writer.join();

        Set<String> after = aliasTargets();
        assertThat(after).hasSize(1).doesNotContainAnyElementsOf(before);
        emma.get("/api/admin/search/reindex").expectStatus().isOk().expectBody()
                .jsonPath("$.target").isEqualTo(after.iterator().next())
                .jsonPath("$.done").value(done -> assertThat(((Number) done).longValue()).isPositive());
        // Every post written before, during and after is searchable exactly once.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Map<?, ?> results = alice.get("/api/search?tag={tag}&type=post&size=50", tag).expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody();
            assertThat(((Number) results.get("total")).intValue()).isEqualTo(written.size());
        });
    }

    @Test
    void theConsistencyCheckFindsAndRepairsMissingAndExtraDocuments() throws Exception {
        Caller emma = as("emma.dubois").signedIn();
        Caller alice = as("alice.martin").signedIn();
        Space space = Spaces.create(alice, "Drift " + UUID.randomUUID(), "open");
        PostView post = alice.post("/api/spaces/{id}/posts", Map.of("body", "Soon lost"), space.id())
                .expectStatus().isCreated().expectBody(PostView.class).returnResult().getResponseBody();
        await().atMost(Duration.ofSeconds(15)).until(() -> exists(post.id().toString()));

        // Drift, as a bug or a lost write would leave it: a post whose change never reached the outbox
        // (stale), a post with no outbox row at all (missing), a document with no row (extra).
        db.sql("UPDATE post SET version = version + 1, body_markdown = 'Changed behind the indexer' WHERE id = :id")
                .bind("id", post.id()).fetch().rowsUpdated().block();
        UUID unindexed = UUID.randomUUID();
        db.sql("""
                        INSERT INTO post (id, space_id, author_id, body_markdown, body_html)
                        SELECT :id, space_id, author_id, 'Never queued', '<p>Never queued</p>' FROM post WHERE id = :post
                        """)
                .bind("id", unindexed).bind("post", post.id()).fetch().rowsUpdated().block();
        String stray = UUID.randomUUID().toString();
        elasticsearch.index(i -> i.index("vigie-content").id(stray).refresh(co.elastic.clients.elasticsearch._types.Refresh.True)
                .document(Map.of("type", "post", "item_id", stray, "space_visibility", "open"))).get();

        Map<?, ?> report = emma.post("/api/admin/search/check?repair=true", Map.of()).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(report.get("consistent")).isEqualTo(false);
        Map<?, ?> posts = ((List<Map<?, ?>>) report.get("types")).stream().filter(t -> "post".equals(t.get("type"))).findFirst().orElseThrow();
        assertThat(((Number) posts.get("missing")).intValue()).isGreaterThanOrEqualTo(1);
        assertThat(((Number) posts.get("stale")).intValue()).isGreaterThanOrEqualTo(1);
        assertThat(((Number) posts.get("extra")).intValue()).isGreaterThanOrEqualTo(1);

        await().atMost(Duration.ofSeconds(15)).until(() -> exists(unindexed.toString()) && !exists(stray) && version(post.id().toString()) == 2);
        as("bruno.petit").signedIn().post("/api/admin/search/check", Map.of()).expectStatus().isForbidden();
    }

    private long version(String id) throws Exception {
        return elasticsearch.get(g -> g.index("vigie-content").id(id), Map.class).get().version();
    }

    private boolean exists(String id) throws Exception {
        return elasticsearch.exists(e -> e.index("vigie-content").id(id)).get().value();
    }

    private Set<String> aliasTargets() throws Exception {
        return elasticsearch.indices().getAlias(a -> a.name("vigie-content")).get().aliases().keySet();
    }
}
