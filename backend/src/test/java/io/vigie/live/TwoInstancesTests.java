package io.vigie.live;

import io.vigie.VigieApiApplication;
import io.vigie.posts.PostView;
import io.vigie.spaces.Space;
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
import java.util.Map;
import java.util.UUID;

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
        }
    }
}
