package io.vigie.systemtests;

import io.vigie.stack.StackSettings;
import io.vigie.stack.TestStack;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Test set-up through Keycloak's Admin REST API, as the embedded Keycloak's master admin. */
final class KeycloakAdmin {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private KeycloakAdmin() {}

    /**
     * Makes the access tokens of a client of the vigie realm expire after {@code seconds} until the
     * returned handle is closed, which restores the realm's default.
     */
    static AutoCloseable shortAccessTokens(String clientId, int seconds) {
        ObjectNode client = findClient(clientId);
        ObjectNode attributes = (ObjectNode) client.get("attributes");
        JsonNode previous = attributes.get("access.token.lifespan");
        attributes.put("access.token.lifespan", Integer.toString(seconds));
        updateClient(client);
        return () -> {
            ObjectNode current = findClient(clientId);
            ObjectNode currentAttributes = (ObjectNode) current.get("attributes");
            // An empty value removes the client's own lifespan, so the realm's applies again.
            currentAttributes.put("access.token.lifespan", previous == null ? "" : previous.asString());
            updateClient(current);
        };
    }

    private static ObjectNode findClient(String clientId) {
        HttpResponse<String> response = send(admin("/clients?clientId=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8))
                .GET().build());
        JsonNode clients = JSON.readTree(response.body());
        if (clients.size() != 1) {
            throw new IllegalStateException("no single client " + clientId + " in the realm: " + response.body());
        }
        return (ObjectNode) clients.get(0);
    }

    private static void updateClient(ObjectNode client) {
        HttpResponse<String> response = send(admin("/clients/" + client.get("id").asString())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(client)))
                .build());
        if (response.statusCode() != 204) {
            throw new IllegalStateException("Keycloak refused to update the client: " + response.statusCode() + " " + response.body());
        }
    }

    private static HttpRequest.Builder admin(String path) {
        return HttpRequest.newBuilder(URI.create(TestStack.settings().keycloakUrl() + "/admin/realms/" + StackSettings.REALM + path))
                .header("Authorization", "Bearer " + masterToken());
    }

    private static String masterToken() {
        String form = "grant_type=password&client_id=admin-cli&username=" + StackSettings.KEYCLOAK_ADMIN_USER
                + "&password=" + StackSettings.KEYCLOAK_ADMIN_PASSWORD;
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        URI.create(TestStack.settings().keycloakUrl() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
        return JSON.readTree(response.body()).get("access_token").asString();
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
