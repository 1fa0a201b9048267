package io.vigie.spaces;

import io.vigie.feeds.FeedPage;
import io.vigie.posts.PostView;
import io.vigie.support.ApiTest;
import io.vigie.support.Spaces;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Owners change a space; what search and feeds show follows within seconds. */
class SpaceChangesTests extends ApiTest {

    @Test
    void turningASpacePrivateHidesItsPostsFromOutsidersAndOpeningItShowsThemAgain() {
        Caller alice = as("alice.martin").signedIn();
        Caller bruno = as("bruno.petit").signedIn();
        Space space = Spaces.create(alice, "Turning " + UUID.randomUUID(), "open");
        bruno.postEmpty("/api/spaces/{id}/follow", space.id()).expectStatus().isNoContent();
        String tag = "turn" + UUID.randomUUID().toString().substring(0, 8);
        PostView post = alice.post("/api/spaces/{id}/posts", Map.of("body", "Soon confidential #" + tag), space.id())
                .expectStatus().isCreated().expectBody(PostView.class).returnResult().getResponseBody();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(items(bruno, "/api/tags/" + tag + "/posts")).extracting(PostView::id).containsExactly(post.id()));

        alice.put("/api/spaces/{id}", update(space.name(), "private"), space.id()).expectStatus().isOk()
                .expectBody().jsonPath("$.kind").isEqualTo("private");

        bruno.get("/api/spaces/{id}", space.id()).expectStatus().isNotFound();
        bruno.get("/api/posts/{id}", post.id()).expectStatus().isNotFound();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(items(bruno, "/api/tags/" + tag + "/posts")).isEmpty());
        assertThat(items(bruno, "/api/people/alice.martin/posts?size=100")).extracting(PostView::id).doesNotContain(post.id());
        assertThat(items(bruno, "/api/feed?order=latest&size=100")).extracting(PostView::id).doesNotContain(post.id());
        // The member still sees everything.
        assertThat(items(alice, "/api/tags/" + tag + "/posts")).extracting(PostView::id).containsExactly(post.id());

        String renamed = "Reopened " + UUID.randomUUID();
        alice.put("/api/spaces/{id}", update(renamed, "open"), space.id()).expectStatus().isOk();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(items(bruno, "/api/tags/" + tag + "/posts"))
                        .singleElement().satisfies(seen -> assertThat(seen.space().name()).isEqualTo(renamed)));
        // Following an open space does not survive its turn to private.
        bruno.get("/api/spaces/{id}", space.id()).expectStatus().isOk().expectBody().jsonPath("$.myRole").doesNotExist();
    }

    @Test
    void aDepartmentSpaceKeepsItsKindAndOnlyOwnersChangeASpace() {
        Caller alice = as("alice.martin").signedIn();
        Caller emma = as("emma.dubois").signedIn();
        UUID marketing = Spaces.id(alice, "marketing");
        emma.put("/api/spaces/{id}", update("Marketing", "private"), marketing).expectStatus().isBadRequest();
        Space space = Spaces.create(alice, "Mine " + UUID.randomUUID(), "open");
        as("bruno.petit").signedIn().put("/api/spaces/{id}", update("Taken over", "open"), space.id()).expectStatus().isForbidden();
        alice.put("/api/spaces/{id}", update(space.name(), "department"), space.id()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("kind");
    }

    private static Map<String, Object> update(String name, String kind) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("description", "");
        body.put("kind", kind);
        return body;
    }

    private static List<PostView> items(Caller reader, String path) {
        return reader.get(path).expectStatus().isOk().expectBody(FeedPage.class).returnResult().getResponseBody().items();
    }
}
