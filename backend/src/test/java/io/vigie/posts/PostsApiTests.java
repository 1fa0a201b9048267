package io.vigie.posts;

import io.vigie.feeds.FeedPage;
import io.vigie.spaces.Space;
import io.vigie.support.ApiTest;
import io.vigie.support.Spaces;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PostsApiTests extends ApiTest {

    private static final Duration SEARCHABLE = Duration.ofSeconds(15);

    @Autowired
    private DatabaseClient db;

    @Test
    void aPostInADepartmentSpaceReachesAnotherPersonsFeedsRenderedSafely() {
        Caller alice = as("alice.martin").signedIn();
        Caller bruno = as("bruno.petit").signedIn();
        UUID marketing = Spaces.id(alice, "marketing");
        String tag = "launch" + UUID.randomUUID().toString().substring(0, 8);

        PostView created = alice.post("/api/spaces/{id}/posts",
                        Map.of("body", "Hello **team** #" + tag + " <script>alert(1)</script>"), marketing)
                .expectStatus().isCreated()
                .expectBody(PostView.class).returnResult().getResponseBody();

        assertThat(created.html()).contains("<strong>team</strong>").doesNotContain("<script");
        assertThat(created.hashtags()).contains(tag);
        assertThat(created.author().username()).isEqualTo("alice.martin");
        assertThat(created.space().slug()).isEqualTo("marketing");

        await().atMost(SEARCHABLE).untilAsserted(() ->
                assertThat(feed(bruno, "/api/spaces/" + marketing + "/posts?order=latest")).extracting(PostView::id).contains(created.id()));
        assertThat(feed(bruno, "/api/tags/" + tag + "/posts")).extracting(PostView::id).containsExactly(created.id());
        assertThat(feed(bruno, "/api/people/alice.martin/posts")).extracting(PostView::id).contains(created.id());
        assertThat(feed(alice, "/api/feed?order=latest")).extracting(PostView::id).contains(created.id());
    }

    @Test
    void anEmptyPostIsRefusedWithAFieldError() {
        Caller alice = as("alice.martin").signedIn();
        UUID marketing = Spaces.id(alice, "marketing");
        alice.post("/api/spaces/{id}/posts", Map.of("body", "   "), marketing)
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("body");
        alice.post("/api/spaces/{id}/posts", Map.of(), marketing)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("body");
    }

    @Test
    void aTooLongPostIsRefusedAndNothingIsStored() {
        Caller alice = as("alice.martin").signedIn();
        UUID marketing = Spaces.id(alice, "marketing");
        alice.post("/api/spaces/{id}/posts", Map.of("body", "x".repeat(20_001)), marketing)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("body")
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message).contains("20,000"));
    }

    @Test
    void thePreviewRendersAndSanitisesLikePublishingButStoresNothing() {
        Caller alice = as("alice.martin").signedIn();
        String tag = "preview" + UUID.randomUUID().toString().substring(0, 8);
        alice.post("/api/preview", Map.of("body", "**Bold** <script>alert(1)</script> #" + tag + " @bruno.petit"))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.html").value(html -> assertThat((String) html)
                        .contains("<strong>Bold</strong>").doesNotContain("<script").contains("/tags/" + tag))
                .jsonPath("$.hashtags[0]").isEqualTo(tag)
                .jsonPath("$.mentions[0]").isEqualTo("bruno.petit");
        alice.post("/api/preview", Map.of("body", "x".repeat(20_001)))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("body");
        assertThat(feed(alice, "/api/tags/" + tag + "/posts")).isEmpty();
        api.post().uri("/api/preview").bodyValue(Map.of("body", "hi")).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void postingWhereOneIsNotAMemberIsForbidden() {
        Caller bruno = as("bruno.petit").signedIn();
        UUID marketing = Spaces.id(bruno, "marketing");
        bruno.post("/api/spaces/{id}/posts", Map.of("body", "Hi marketing"), marketing)
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void unknownIdsAnswerNotFound() {
        Caller alice = as("alice.martin").signedIn();
        alice.get("/api/posts/{id}", UUID.randomUUID()).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        alice.post("/api/spaces/{id}/posts", Map.of("body", "hello"), UUID.randomUUID()).expectStatus().isNotFound();
        alice.get("/api/spaces/{id}/posts", UUID.randomUUID()).expectStatus().isNotFound();
        alice.get("/api/posts/not-a-uuid").expectStatus().isBadRequest();
    }

    @Test
    void theAuthorEditsAPostAndItIsMarkedEdited() {
        Caller alice = as("alice.martin").signedIn();
        UUID marketing = Spaces.id(alice, "marketing");
        PostView post = create(alice, marketing, "First draft");

        PostView edited = alice.put("/api/posts/{id}", Map.of("body", "Second _draft_"), post.id())
                .expectStatus().isOk().expectBody(PostView.class).returnResult().getResponseBody();
        assertThat(edited.html()).contains("<em>draft</em>");
        assertThat(edited.editedAt()).isNotNull();

        as("bruno.petit").put("/api/posts/{id}", Map.of("body", "Not mine"), post.id()).expectStatus().isForbidden();
    }

    @Test
    void aDeletedPostIsGoneFromReadsAndFeeds() {
        Caller alice = as("alice.martin").signedIn();
        Caller bruno = as("bruno.petit").signedIn();
        UUID marketing = Spaces.id(alice, "marketing");
        PostView post = create(alice, marketing, "Soon gone");
        await().atMost(SEARCHABLE).untilAsserted(() ->
                assertThat(feed(bruno, "/api/spaces/" + marketing + "/posts")).extracting(PostView::id).contains(post.id()));

        bruno.delete("/api/posts/{id}", post.id()).expectStatus().isForbidden();
        alice.delete("/api/posts/{id}", post.id()).expectStatus().isNoContent();

        bruno.get("/api/posts/{id}", post.id()).expectStatus().isNotFound();
        await().atMost(SEARCHABLE).untilAsserted(() ->
                assertThat(feed(bruno, "/api/spaces/" + marketing + "/posts")).extracting(PostView::id).doesNotContain(post.id()));
    }

    @Test
    void votesAreOnePerPersonChangeableRemovableAndIdempotent() {
        Caller alice = as("alice.martin").signedIn();
        Caller bruno = as("bruno.petit").signedIn();
        UUID marketing = Spaces.id(alice, "marketing");
        PostView post = create(alice, marketing, "Vote on me");

        bruno.put("/api/posts/{id}/vote", Map.of("value", 1), post.id()).expectStatus().isOk();
        bruno.put("/api/posts/{id}/vote", Map.of("value", 1), post.id()).expectStatus().isOk()
                .expectBody().jsonPath("$.upvotes").isEqualTo(1).jsonPath("$.myVote").isEqualTo(1);
        alice.put("/api/posts/{id}/vote", Map.of("value", -1), post.id()).expectStatus().isOk()
                .expectBody().jsonPath("$.score").isEqualTo(0);
        bruno.put("/api/posts/{id}/vote", Map.of("value", -1), post.id()).expectStatus().isOk()
                .expectBody().jsonPath("$.downvotes").isEqualTo(2).jsonPath("$.upvotes").isEqualTo(0);
        bruno.delete("/api/posts/{id}/vote", post.id()).expectStatus().isOk()
                .expectBody().jsonPath("$.downvotes").isEqualTo(1).jsonPath("$.myVote").isEqualTo(0);
        bruno.put("/api/posts/{id}/vote", Map.of("value", 5), post.id()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("value");

        alice.get("/api/posts/{id}", post.id()).expectStatus().isOk()
                .expectBody().jsonPath("$.score").isEqualTo(-1).jsonPath("$.myVote").isEqualTo(-1);
    }

    @Test
    void relevantOrderPutsEngagementFirstAndLatestPutsTheNewestFirst() {
        Caller alice = as("alice.martin").signedIn();
        Space space = Spaces.create(alice, "Ranking " + UUID.randomUUID(), "private");
        PostView older = create(alice, space.id(), "Older but voted");
        PostView newer = create(alice, space.id(), "Newer, no votes");
        alice.put("/api/posts/{id}/vote", Map.of("value", 1), older.id()).expectStatus().isOk();

        String base = "/api/spaces/" + space.id() + "/posts?order=";
        await().atMost(SEARCHABLE).untilAsserted(() -> {
            assertThat(feed(alice, base + "relevant")).extracting(PostView::id).containsExactly(older.id(), newer.id());
            assertThat(feed(alice, base + "latest")).extracting(PostView::id).containsExactly(newer.id(), older.id());
        });
    }

    @Test
    void cursorPagesNeitherSkipNorRepeat() {
        Caller alice = as("alice.martin").signedIn();
        Space space = Spaces.create(alice, "Paging " + UUID.randomUUID(), "private");
        for (int i = 0; i < 7; i++) {
            create(alice, space.id(), "Post " + i);
        }
        String first = "/api/spaces/" + space.id() + "/posts?order=latest&size=3";
        await().atMost(SEARCHABLE).until(() -> feed(alice, "/api/spaces/" + space.id() + "/posts?size=50").size() == 7);

        assertThat(everyPage(alice, first)).hasSize(7).doesNotHaveDuplicates();

        alice.get(first + "&cursor=garbage!").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("cursor");
    }

    @Test
    void theRelevantOrderReachesOldPostsOnceTheRecentOnesRunOut() {
        Caller alice = as("alice.martin").signedIn();
        Space space = Spaces.create(alice, "Old and new " + UUID.randomUUID(), "private");
        PostView oldVoted = create(alice, space.id(), "Old, voted");
        PostView old = create(alice, space.id(), "Old, no votes");
        PostView recent = create(alice, space.id(), "Recent");
        PostView newest = create(alice, space.id(), "Newest");
        alice.put("/api/posts/{id}/vote", Map.of("value", 1), oldVoted.id()).expectStatus().isOk();
        // A month ago: beyond the feed's first window (20 half-lives of 18 h), as the indexer will see it.
        db.sql("""
                        WITH moved AS (UPDATE post SET created_at = now() - interval '30 days', version = version + 1
                                       WHERE id IN (:ids) RETURNING id)
                        INSERT INTO outbox (entity_type, entity_id) SELECT 'POST', id FROM moved""")
                .bind("ids", java.util.List.of(oldVoted.id(), old.id())).fetch().rowsUpdated().block();

        String first = "/api/spaces/" + space.id() + "/posts?order=relevant&size=2";
        // The recent posts fill the first page from the window; the old ones follow, the voted one first.
        await().atMost(SEARCHABLE).untilAsserted(() ->
                assertThat(everyPage(alice, first)).containsExactly(newest.id(), recent.id(), oldVoted.id(), old.id()));
    }

    /** The ids of every page from {@code first} on, following the cursors (ten pages at most). */
    private static java.util.List<UUID> everyPage(Caller reader, String first) {
        java.util.List<UUID> seen = new java.util.ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            FeedPage page = reader.get(next == null ? first : first + "&cursor=" + next).expectStatus().isOk()
                    .expectBody(FeedPage.class).returnResult().getResponseBody();
            page.items().forEach(item -> seen.add(item.id()));
            next = page.next();
            pages++;
        } while (next != null && pages < 10);
        return seen;
    }

    private static PostView create(Caller author, UUID space, String body) {
        return author.post("/api/spaces/{id}/posts", Map.of("body", body), space).expectStatus().isCreated()
                .expectBody(PostView.class).returnResult().getResponseBody();
    }

    private static java.util.List<PostView> feed(Caller reader, String path) {
        return reader.get(path).expectStatus().isOk().expectBody(FeedPage.class).returnResult().getResponseBody().items();
    }
}
