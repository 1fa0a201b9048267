package io.vigie.live;

import io.vigie.posts.PostView;
import io.vigie.spaces.Space;
import io.vigie.support.ApiTest;
import io.vigie.support.Keycloak;
import io.vigie.support.Spaces;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.Disposable;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The live stream brings new posts and changed counts, and nothing of spaces one may not read. */
class LiveStreamTests extends ApiTest {

    @Test
    void aMemberSeesNewPostsAndVotesLiveButNothingFromAPrivateSpace() {
        Caller alice = as("alice.martin").signedIn();
        Caller bruno = as("bruno.petit").signedIn();
        Space open = Spaces.create(alice, "Live " + UUID.randomUUID(), "open");
        bruno.postEmpty("/api/spaces/{id}/join", open.id()).expectStatus().isNoContent();
        Space hidden = Spaces.create(bruno, "Hidden " + UUID.randomUUID(), "private");

        List<ServerSentEvent<LiveEvent>> received = new CopyOnWriteArrayList<>();
        Disposable stream = api.get().uri("/api/stream")
                .headers(h -> h.setBearerAuth(Keycloak.accessToken("alice.martin")))
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<LiveEvent>>() {})
                .getResponseBody()
                .subscribe(received::add);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> received.stream().anyMatch(e -> "connected".equals(e.comment())));

            // First a private post alice may not read, then a public one: events arrive in commit order,
            // so once the public one is here, a leaked private one would be here too.
            PostView secret = bruno.post("/api/spaces/{id}/posts", Map.of("body", "Not for Alice"), hidden.id())
                    .expectStatus().isCreated().expectBody(PostView.class).returnResult().getResponseBody();
            bruno.put("/api/posts/{id}/vote", Map.of("value", 1), secret.id()).expectStatus().isOk();
            PostView post = bruno.post("/api/spaces/{id}/posts", Map.of("body", "Hello live world"), open.id())
                    .expectStatus().isCreated().expectBody(PostView.class).returnResult().getResponseBody();

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(data(received))
                    .anySatisfy(event -> {
                        assertThat(event.type()).isEqualTo(LiveEvent.CREATED);
                        assertThat(event.postId()).isEqualTo(post.id());
                    }));

            alice.put("/api/posts/{id}/vote", Map.of("value", 1), post.id()).expectStatus().isOk();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(data(received))
                    .anySatisfy(event -> {
                        assertThat(event.type()).isEqualTo(LiveEvent.UPDATED);
                        assertThat(event.postId()).isEqualTo(post.id());
                        assertThat(event.upvotes()).isEqualTo(1);
                    }));

            assertThat(data(received)).extracting(LiveEvent::postId).doesNotContain(secret.id());
            assertThat(data(received)).extracting(LiveEvent::spaceId).doesNotContain(hidden.id());
        } finally {
            stream.dispose();
        }
    }

    private static List<LiveEvent> data(List<ServerSentEvent<LiveEvent>> events) {
        return events.stream().map(ServerSentEvent::data).filter(java.util.Objects::nonNull).toList();
    }
}
