package io.vigie.indexing;

import io.vigie.feeds.FeedPage;
import io.vigie.posts.PostView;
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

/** With the search engine down, writes still succeed; once it is back, each becomes searchable once. */
class SearchOutageTests extends ApiTest {

    @Autowired
    DatabaseClient db;

    @Test
    void postsWrittenWhileElasticsearchIsDownAreIndexedWhenItReturns() {
        Caller alice = as("alice.martin").signedIn();
        Space space = Spaces.create(alice, "Outage " + UUID.randomUUID(), "private");
        List<UUID> written = new ArrayList<>();

        TestStack.stopElasticsearch();
        try {
            for (int i = 0; i < 20; i++) {
                written.add(alice.post("/api/spaces/{id}/posts", Map.of("body", "Written during the outage " + i), space.id())
                        .expectStatus().isCreated().expectBody(PostView.class).returnResult().getResponseBody().id());
            }
            // Every write is safe in PostgreSQL, and waits in the outbox.
            assertThat(pendingInOutbox(written)).isEqualTo(20);
        } finally {
            TestStack.startElasticsearch();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<UUID> found = alice.get("/api/spaces/{id}/posts?order=latest&size=100", space.id()).expectStatus().isOk()
                    .expectBody(FeedPage.class).returnResult().getResponseBody().items().stream().map(PostView::id).toList();
            assertThat(found).containsExactlyInAnyOrderElementsOf(written).doesNotHaveDuplicates();
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> pendingInOutbox(written) == 0);
    }

    private long pendingInOutbox(List<UUID> ids) {
        return db.sql("SELECT count(*) AS pending FROM outbox WHERE entity_id = ANY(:ids)")
                .bind("ids", ids.toArray(UUID[]::new))
                .map(row -> row.get("pending", Long.class)).one().block(Duration.ofSeconds(5));
    }
}
