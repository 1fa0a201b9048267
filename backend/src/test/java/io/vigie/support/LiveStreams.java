package io.vigie.support;

import io.vigie.live.LiveEvent;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.Disposable;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;

/** A person's live stream, followed from a test: events collect into a list until closed. */
public final class LiveStreams {

    private LiveStreams() {}

    /** One open stream; it is connected (misses nothing from now on) when {@link #follow} returns. */
    public record Following(List<ServerSentEvent<LiveEvent>> received, Disposable stream,
                            java.util.concurrent.atomic.AtomicBoolean ended) implements AutoCloseable {

        /** Whether the API ended the stream (completed, or cut it with an error). */
        public boolean hasEnded() {
            return ended.get();
        }

        /** The events' payloads (heartbeats and the "connected" comment have none). */
        public List<LiveEvent> events() {
            return received.stream().map(ServerSentEvent::data).filter(Objects::nonNull).toList();
        }

        public List<UUID> postIds() {
            return events().stream().map(LiveEvent::postId).toList();
        }

        @Override
        public void close() {
            stream.dispose();
        }
    }

    public static Following follow(WebTestClient api, String username) {
        List<ServerSentEvent<LiveEvent>> received = new CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();
        Disposable stream = api.get().uri("/api/stream")
                .headers(h -> h.setBearerAuth(Keycloak.accessToken(username)))
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<LiveEvent>>() {})
                .getResponseBody()
                .subscribe(received::add, error -> ended.set(true), () -> ended.set(true));
        await().atMost(Duration.ofSeconds(10)).until(() -> received.stream().anyMatch(e -> "connected".equals(e.comment())));
        return new Following(received, stream, ended);
    }
}
