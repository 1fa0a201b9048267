package io.vigie.ui.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Follows the API's Server-Sent Events for one browser tab, on a virtual thread, as the signed-in
 * person (their token comes from the authorized-client service, refreshed when needed: there is
 * no HTTP request in a background thread). Reconnects with backoff until closed.
 */
@Component
public class LiveStream {

    private static final Logger log = LoggerFactory.getLogger(LiveStream.class);
    private static final String REGISTRATION = "keycloak";

    private final ApiProperties properties;
    private final AuthorizedClientServiceOAuth2AuthorizedClientManager clients;
    private final JsonMapper json;
    private final HttpClient http;

    LiveStream(ApiProperties properties, AuthorizedClientServiceOAuth2AuthorizedClientManager backgroundClientManager,
               JsonMapper json) {
        this.properties = properties;
        this.clients = backgroundClientManager;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
    }

    /** Starts following; the returned handle stops it (within one heartbeat). */
    public AutoCloseable follow(Authentication person, Consumer<LiveEvent> listener) {
        AtomicBoolean stopped = new AtomicBoolean();
        Thread thread = Thread.ofVirtual().name("live-" + person.getName()).start(() -> run(person, listener, stopped));
        return () -> {
            stopped.set(true);
            thread.interrupt();
        };
    }

    /** A post, fetched as the person from a background thread (for a live "new post"). */
    public Post post(Authentication person, UUID id) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(person, "/api/posts/" + id).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("the API answered " + response.statusCode() + " for post " + id);
        }
        return json.readValue(response.body(), Post.class);
    }

    /** The person's notifications, fetched from a background thread (a live bell update). */
    public Notifications notifications(Authentication person) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(person, "/api/notifications").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("the API answered " + response.statusCode() + " for notifications");
        }
        return json.readValue(response.body(), Notifications.class);
    }

    private void run(Authentication person, Consumer<LiveEvent> listener, AtomicBoolean stopped) {
        long pause = 500;
        while (!stopped.get()) {
            try {
                HttpResponse<Stream<String>> response = http.send(
                        request(person, "/api/stream").header("Accept", "text/event-stream").GET().build(),
                        HttpResponse.BodyHandlers.ofLines());
                if (response.statusCode() == 200) {
                    pause = 500;
                    try (Stream<String> lines = response.body()) {
                        read(lines.iterator(), listener, stopped);
                    }
                } else {
                    log.warn("live stream refused: {}", response.statusCode());
                }
            } catch (IOException | RuntimeException e) {
                log.debug("live stream interrupted: {}", e.toString());
            } catch (InterruptedException e) {
                return;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(pause); // backoff before reconnecting
            } catch (InterruptedException e) {
                return;
            }
            pause = Math.min(pause * 2, 10_000);
        }
    }

    /** Server-Sent Events: "data:" lines until a blank line; comments (":") are heartbeats. */
    private void read(Iterator<String> lines, Consumer<LiveEvent> listener, AtomicBoolean stopped) {
        StringBuilder data = new StringBuilder();
        while (!stopped.get() && lines.hasNext()) {
            String line = lines.next();
            if (line.startsWith("data:")) {
                data.append(line.substring(5).strip());
            } else if (line.isEmpty() && !data.isEmpty()) {
                try {
                    listener.accept(json.readValue(data.toString(), LiveEvent.class));
                } catch (RuntimeException e) {
                    log.warn("live event not handled: {}", e.toString());
                }
                data.setLength(0);
            }
        }
    }

    private HttpRequest.Builder request(Authentication person, String path) {
        OAuth2AuthorizedClient client = clients.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION)
                .principal(person).build());
        if (client == null) {
            throw new IllegalStateException("no authorized client for " + person.getName());
        }
        return HttpRequest.newBuilder(URI.create(properties.url() + path))
                .header("Authorization", "Bearer " + client.getAccessToken().getTokenValue());
    }
}
