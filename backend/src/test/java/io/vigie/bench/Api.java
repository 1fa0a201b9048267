package io.vigie.bench;

import io.vigie.support.Keycloak;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The running API over HTTP, as each demo person, with real Keycloak tokens renewed before they expire. */
final class Api {

    static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Duration TOKEN_RENEWAL = Duration.ofMinutes(4);

    private record Token(String value, Instant renewAt) {}

    private final String apiUrl;
    private final String keycloakUrl;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    Api(String apiUrl, String keycloakUrl) {
        this.apiUrl = apiUrl;
        this.keycloakUrl = keycloakUrl;
    }

    HttpResponse<String> get(String username, String path) {
        return send(username, HttpRequest.newBuilder(URI.create(apiUrl + path)).GET());
    }

    HttpResponse<String> post(String username, String path, Object body) {
        return send(username, HttpRequest.newBuilder(URI.create(apiUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    HttpResponse<String> put(String username, String path, Object body) {
        return send(username, HttpRequest.newBuilder(URI.create(apiUrl + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /** The body of a 2xx answer as JSON; anything else is an error naming the path and the answer. */
    JsonNode ok(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(String username, HttpRequest.Builder request) {
        try {
            return http.send(request.header("Authorization", "Bearer " + token(username)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e.getClass().getSimpleName() + " on " + request.build().uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private String token(String username) {
        Token token = tokens.get(username);
        if (token == null || Instant.now().isAfter(token.renewAt())) {
            token = tokens.compute(username, (name, old) -> old != null && Instant.now().isBefore(old.renewAt()) ? old : signIn(name));
        }
        return token.value();
    }

    /** Keycloak gives the demo realm's tokens five minutes; renewed a minute early. */
    private Token signIn(String username) {
        return new Token(Keycloak.passwordGrant(keycloakUrl, "vigie", "vigie-cli", username, Keycloak.DEMO_PASSWORD),
                Instant.now().plus(TOKEN_RENEWAL));
    }
}
