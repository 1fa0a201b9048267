package io.vigie.live;

import io.vigie.VigieApiApplication;
import io.vigie.posts.PostView;
import io.vigie.spaces.Space;
import io.vigie.support.ApiTest;
import io.vigie.support.Keycloak;
import io.vigie.support.Spaces;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.Disposable;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two API instances on one database: a post written through one reaches a stream open on the
 * other, because events travel through PostgreSQL LISTEN/NOTIFY, not through memory.
 */
class TwoInstancesTests extends ApiTest {

    @Test
    void aPostWrittenThroughOneInstanceReachesAStreamOnTheOther() {
        Caller alice = as("alice.martin").signedIn();
        Caller bruno = as("bruno.petit").signedIn();
        Space space = Spaces.create(alice, "Two instances " + UUID.randomUUID(), "open");
        bruno.postEmpty("/api/spaces/{id}/join", space.id()).expectStatus().isNoContent();

        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(VigieApiApplication.class)
                .properties("server.port=0", "vigie.demo.enabled=false")
                .run()) {
            String port = second.getEnvironment().getProperty("local.server.port");
            WebTestClient other = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                    .responseTimeout(Duration.ofSeconds(20)).build();
            List<ServerSentEvent<LiveEvent>> received = new CopyOnWriteArrayList<>();
            Disposable stream = other.get().uri("/api/stream")
                    .headers(h -> h.setBearerAuth(Keycloak.accessToken("bruno.petit")))
                    .accept(MediaType.TEXT_EVENT_STREAM)
                    .exchange().expectStatus().isOk()
                    .returnResult(new ParameterizedTypeReference<ServerSentEvent<LiveEvent>>() {})
                    .getResponseBody()
                    .subscribe(received::add);
            try {
                await().atMost(Duration.ofSeconds(10)).until(() -> received.stream().anyMatch(e -> "connected".equals(e.comment())));
                PostView post = alice.post("/api/spaces/{id}/posts", Map.of("body", "Across instances"), space.id())
                        .expectStatus().isCreated().expectBody(PostView.class).returnResult().getResponseBody();
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(received.stream()
                        .map(ServerSentEvent::data).filter(Objects::nonNull).map(LiveEvent::postId)).contains(post.id()));
            } finally {
                stream.dispose();
            }
        }
    }
}
