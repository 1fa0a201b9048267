package io.vigie.support;

import io.vigie.stack.TestStack;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Gets real tokens from the test stack's Keycloak, the way a script or the UI would. */
public final class Keycloak {

    public static final String DEMO_PASSWORD = "demo";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Keycloak() {}

    private record CachedToken(String value, Instant fetchedAt) {}

    private static final Map<String, CachedToken> TOKENS = new ConcurrentHashMap<>();

    /**
     * An access token for a demo user, through the dev-only {@code vigie-cli} client. Reused for a
     * minute (tokens live five), which keeps Keycloak's brute-force counters and the tests calm.
     */
    public static String accessToken(String username) {
        CachedToken cached = TOKENS.compute(username, (name, token) ->
                token != null && token.fetchedAt().isAfter(Instant.now().minusSeconds(60)) ? token
                        : new CachedToken(passwordGrant(TestStack.settings().keycloakUrl(), "vigie", "vigie-cli", name, DEMO_PASSWORD),
                        Instant.now()));
        return cached.value();
    }

    /**
     * A password-grant token from any Keycloak base URL, realm and client. Used to make tokens that
     * must be refused: another issuer host, another client's audience, another realm.
     */
    public static String passwordGrant(String baseUrl, String realm, String clientId, String username, String password) {
        JsonNode body = post(baseUrl + "/realms/" + realm + "/protocol/openid-connect/token", Map.of(
                "grant_type", "password",
                "client_id", clientId,
                "username", username,
                "password", password,
                "scope", "openid"));
        return body.get("access_token").asString();
    }

    /** An access token of the master realm's admin, for test set-up through the Admin REST API. */
    public static String masterAdminToken() {
        return passwordGrant(TestStack.settings().keycloakUrl(), "master", "admin-cli", "admin", "admin");
    }

    /**
     * A brand-new Keycloak user with the employee role and the demo password, for tests that need
     * someone Vigie has never seen. Returns their username.
     */
    public static String createEmployee() {
        String username = "new." + UUID.randomUUID().toString().substring(0, 8);
        int created = adminPost("/users", """
                {"username": "%s", "enabled": true, "firstName": "New", "lastName": "Colleague",
                 "email": "%s@vigie.example", "emailVerified": true,
                 "credentials": [{"type": "password", "value": "%s", "temporary": false}]}
                """.formatted(username, username, DEMO_PASSWORD));
        if (created != 201) {
            throw new IllegalStateException("Keycloak did not create " + username + ": " + created);
        }
        JsonNode user = JSON.readTree(adminGet("/users?exact=true&username=" + username)).get(0);
        String role = adminGet("/roles/employee");
        int mapped = adminPost("/users/" + user.get("id").asString() + "/role-mappings/realm", "[" + role + "]");
        if (mapped / 100 != 2) {
            throw new IllegalStateException("Keycloak did not give " + username + " the employee role: " + mapped);
        }
        return username;
    }

    /** An access token and the refresh token that renews it (a signed-in browser holds both). */
    public record Session(String accessToken, String refreshToken) {}

    /** A new session for any user with the demo password, through the dev-only client. */
    public static Session session(String username) {
        JsonNode body = post(TestStack.settings().keycloakUrl() + "/realms/vigie/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "vigie-cli", "username", username, "password", DEMO_PASSWORD, "scope", "openid"));
        return new Session(body.get("access_token").asString(), body.get("refresh_token").asString());
    }

    /** Renews a session: the new access token, or Keycloak's error when it refuses (e.g. {@code invalid_grant}). */
    public static String refresh(Session session) {
        String form = "grant_type=refresh_token&client_id=vigie-cli&refresh_token=" + URLEncoder.encode(session.refreshToken(), StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        URI.create(TestStack.settings().keycloakUrl() + "/realms/vigie/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        JsonNode body = JSON.readTree(response.body());
        return response.statusCode() == 200 ? body.get("access_token").asString() : "refused: " + body.path("error").asString();
    }

    /** A password grant that may be refused: Keycloak's error code, or "ok". */
    public static String tryPasswordGrant(String username, String password) {
        String form = "grant_type=password&client_id=vigie-cli&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        URI.create(TestStack.settings().keycloakUrl() + "/realms/vigie/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        return response.statusCode() == 200 ? "ok" : JSON.readTree(response.body()).path("error_description").asString();
    }

    /** Keycloak's internal id of a client of the realm. */
    public static String clientUuid(String clientId) {
        return JSON.readTree(adminGet("/clients?clientId=" + clientId)).get(0).get("id").asString();
    }

    /** Deletes through Keycloak's Admin REST API as the master admin; returns the status. */
    public static int adminDelete(String path) {
        return send(HttpRequest.newBuilder(URI.create(TestStack.settings().keycloakUrl() + "/admin/realms/vigie" + path))
                .header("Authorization", "Bearer " + masterAdminToken()).DELETE().build()).statusCode();
    }

    /** Keycloak's id (the tokens' subject) of a user. */
    public static String userId(String username) {
        return JSON.readTree(adminGet("/users?exact=true&username=" + username)).get(0).get("id").asString();
    }

    /** A Keycloak user with the demo password and no realm role at all: signed in, yet not an employee of Vigie. */
    public static String createPersonWithoutRoles() {
        String username = "norole." + UUID.randomUUID().toString().substring(0, 8);
        int created = adminPost("/users", """
                {"username": "%s", "enabled": true, "firstName": "No", "lastName": "Role",
                 "email": "%s@vigie.example", "emailVerified": true,
                 "credentials": [{"type": "password", "value": "%s", "temporary": false}]}
                """.formatted(username, username, DEMO_PASSWORD));
        if (created != 201) {
            throw new IllegalStateException("Keycloak did not create " + username + ": " + created);
        }
        return username;
    }

    /** A password-grant token for any user with the demo password (not cached). */
    public static String freshToken(String username) {
        return passwordGrant(TestStack.settings().keycloakUrl(), "vigie", "vigie-cli", username, DEMO_PASSWORD);
    }

    private static String adminGet(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(TestStack.settings().keycloakUrl() + "/admin/realms/vigie" + path))
                .header("Authorization", "Bearer " + masterAdminToken())
                .GET().build();
        return send(request).body();
    }

    /** Calls Keycloak's Admin REST API; returns the status. */
    public static int adminPost(String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(TestStack.settings().keycloakUrl() + "/admin/realms/vigie" + path))
                .header("Authorization", "Bearer " + masterAdminToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return send(request).statusCode();
    }

    private static JsonNode post(String url, Map<String, String> form) {
        String encoded = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused " + url + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak did not answer " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
