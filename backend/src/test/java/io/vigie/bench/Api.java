package io.vigie.bench;

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
    private static final String PASSWORD = "demo";

    private record Token(String value, Instant renewAt) {}

    private final String apiUrl;
    private final String tokenUrl;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    Api(String apiUrl, String keycloakUrl) {
        this.apiUrl = apiUrl;
        this.tokenUrl = keycloakUrl + "/realms/vigie/protocol/openid-connect/token";
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

    private Token signIn(String username) {
        String form = "grant_type=password&client_id=vigie-cli&scope=openid&username=" + encode(username) + "&password=" + encode(PASSWORD);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(tokenUrl))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused " + username + ": " + response.statusCode() + " " + response.body());
            }
            JsonNode body = JSON.readTree(response.body());
            long lifetime = body.get("expires_in").asLong();
            return new Token(body.get("access_token").asString(), Instant.now().plusSeconds(Math.max(10, lifetime - 60)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach Keycloak: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
