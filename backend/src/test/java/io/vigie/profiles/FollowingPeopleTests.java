package io.vigie.profiles;

import io.vigie.feeds.FeedPage;
import io.vigie.posts.PostView;
import io.vigie.spaces.Space;
import io.vigie.support.ApiTest;
import io.vigie.support.LiveStreams;
import io.vigie.support.Spaces;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Following a person brings their posts into one's home feed, live, and never those of their private spaces. */
class FollowingPeopleTests extends ApiTest {

    @Test
    void aFollowedPersonsPostsJoinTheHomeFeedButNotTheirPrivateSpaces() {
        Caller chloe = as("chloe.bernard").signedIn();
        Caller farid = as("farid.haddad").signedIn();
        farid.delete("/api/people/chloe.bernard/follow").expectStatus().isNoContent();
        Space lab = Spaces.create(chloe, "Lab notes " + UUID.randomUUID(), "open");
        Space secret = Spaces.create(chloe, "Lab secrets " + UUID.randomUUID(), "private");
        String tag = "follow" + UUID.randomUUID().toString().substring(0, 8);

        PostView before = post(chloe, lab, "Before the follow #" + tag);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(items(farid, "/api/tags/" + tag + "/posts")).extracting(PostView::id).contains(before.id()));
        assertThat(items(farid, "/api/feed?order=latest&size=100")).extracting(PostView::id).doesNotContain(before.id());

        farid.put("/api/people/chloe.bernard/follow", Map.of()).expectStatus().isNoContent();
        farid.put("/api/people/chloe.bernard/follow", Map.of()).expectStatus().isNoContent(); // idempotent

        try (LiveStreams.Following stream = LiveStreams.follow(api, "farid.haddad")) {
            PostView hidden = post(chloe, secret, "Only for the lab #" + tag);
            PostView after = post(chloe, lab, "After the follow #" + tag);

            // Live: the new post in a space farid never joined arrives because he follows its author;
            // the private one, committed first, never does.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(stream.postIds()).contains(after.id()));
            assertThat(stream.postIds()).doesNotContain(hidden.id());

            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    assertThat(items(farid, "/api/feed?order=latest&size=100")).extracting(PostView::id)
                            .contains(before.id(), after.id())
                            .doesNotContain(hidden.id()));
            assertThat(items(farid, "/api/feed?order=relevant&size=100")).extracting(PostView::id).doesNotContain(hidden.id());
        }

        farid.delete("/api/people/chloe.bernard/follow").expectStatus().isNoContent();
        assertThat(items(farid, "/api/feed?order=latest&size=100")).extracting(PostView::id).doesNotContain(before.id());
    }

    @Test
    void aProfileCountsFollowersAndSaysWhetherTheReaderFollows() {
        Caller david = as("david.leroy").signedIn();
        Caller emma = as("emma.dubois").signedIn();
        emma.delete("/api/people/david.leroy/follow").expectStatus().isNoContent();
        long followers = profile(emma, "david.leroy").followers();

        emma.put("/api/people/david.leroy/follow", Map.of()).expectStatus().isNoContent();
        Profile seen = profile(emma, "david.leroy");
        assertThat(seen.followedByMe()).isTrue();
        assertThat(seen.me()).isFalse();
        assertThat(seen.followers()).isEqualTo(followers + 1);
        assertThat(seen.displayName()).isNotBlank();

        Profile own = profile(david, "david.leroy");
        assertThat(own.me()).isTrue();
        assertThat(own.followedByMe()).isFalse();

        emma.delete("/api/people/david.leroy/follow").expectStatus().isNoContent();
        assertThat(profile(emma, "david.leroy").followers()).isEqualTo(followers);
    }

    @Test
    void badFollowsGetClearErrors() {
        Caller emma = as("emma.dubois").signedIn();
        emma.put("/api/people/emma.dubois/follow", Map.of()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("username");
        emma.get("/api/people/nobody-" + UUID.randomUUID()).expectStatus().isNotFound();
        emma.put("/api/people/nobody-" + UUID.randomUUID() + "/follow", Map.of()).expectStatus().isNotFound();
        api.get().uri("/api/people/emma.dubois").exchange().expectStatus().isUnauthorized();
    }

    private static PostView post(Caller author, Space space, String body) {
        return author.post("/api/spaces/{id}/posts", Map.of("body", body), space.id())
                .expectStatus().isCreated().expectBody(PostView.class).returnResult().getResponseBody();
    }

    private static Profile profile(Caller reader, String username) {
        return reader.get("/api/people/" + username).expectStatus().isOk().expectBody(Profile.class).returnResult().getResponseBody();
    }

    private static List<PostView> items(Caller reader, String path) {
        return reader.get(path).expectStatus().isOk().expectBody(FeedPage.class).returnResult().getResponseBody().items();
    }
}
