package io.vigie.feeds;

import io.vigie.posts.PostView;
import io.vigie.spaces.Space;
import io.vigie.support.ApiTest;
import io.vigie.support.Spaces;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A private space's content reaches its members only; outsiders get 404, never a hint. */
class PrivateSpaceVisibilityTests extends ApiTest {

    @Test
    void anOutsiderFindsNoTraceOfAPrivateSpaceOrItsPosts() {
        Caller alice = as("alice.martin").signedIn();
        Caller bruno = as("bruno.petit").signedIn();
        String tag = "secret" + UUID.randomUUID().toString().substring(0, 8);
        Space hidden = Spaces.create(alice, "Skunkworks " + UUID.randomUUID(), "private");
        PostView post = alice.post("/api/spaces/{id}/posts", Map.of("body", "Acquisition plan #" + tag), hidden.id())
                .expectStatus().isCreated().expectBody(PostView.class).returnResult().getResponseBody();

        // The member sees it everywhere once indexed.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(items(alice, "/api/tags/" + tag + "/posts")).extracting(PostView::id).containsExactly(post.id()));
        assertThat(items(alice, "/api/spaces/" + hidden.id() + "/posts")).extracting(PostView::id).containsExactly(post.id());
        assertThat(items(alice, "/api/feed?order=latest&size=100")).extracting(PostView::id).contains(post.id());

        // The outsider: not in the directory, 404 on every direct URL, absent from every feed.
        List<Map<String, Object>> directory = bruno.get("/api/spaces").expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {}).returnResult().getResponseBody();
        assertThat(directory).extracting(space -> space.get("id")).doesNotContain(hidden.id().toString());
        bruno.get("/api/spaces/{id}", hidden.id()).expectStatus().isNotFound();
        bruno.get("/api/spaces/{id}/posts", hidden.id()).expectStatus().isNotFound();
        bruno.get("/api/posts/{id}", post.id()).expectStatus().isNotFound();
        bruno.put("/api/posts/{id}/vote", Map.of("value", 1), post.id()).expectStatus().isNotFound();
        bruno.post("/api/spaces/{id}/posts", Map.of("body", "let me in"), hidden.id()).expectStatus().isNotFound();
        bruno.postEmpty("/api/spaces/{id}/join", hidden.id()).expectStatus().isNotFound();
        bruno.postEmpty("/api/spaces/{id}/follow", hidden.id()).expectStatus().isNotFound();
        assertThat(items(bruno, "/api/tags/" + tag + "/posts")).isEmpty();
        assertThat(items(bruno, "/api/people/alice.martin/posts?size=100")).extracting(PostView::id).doesNotContain(post.id());
        assertThat(items(bruno, "/api/feed?order=latest&size=100")).extracting(PostView::id).doesNotContain(post.id());
        assertThat(items(bruno, "/api/feed?order=relevant&size=100")).extracting(PostView::id).doesNotContain(post.id());
    }

    private static List<PostView> items(Caller reader, String path) {
        return reader.get(path).expectStatus().isOk().expectBody(FeedPage.class).returnResult().getResponseBody().items();
    }
}
