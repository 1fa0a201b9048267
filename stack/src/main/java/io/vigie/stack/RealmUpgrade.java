package io.vigie.stack;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Keycloak imports the realm file only when the realm does not exist yet, so a machine whose data
 * predates a new client would never get it. At each start the launcher adds what later versions
 * of the realm file brought and the realm lacks (today: the {@code vigie-admin} service account
 * with its realm-management roles, stored sign-in events, and new realm roles), with the bootstrap admin it
 * started Keycloak with. It never changes or removes anything that exists: people, roles and
 * groups an admin changed stay as they are.
 */
public final class RealmUpgrade {

    private static final String ADMIN_CLIENT = "vigie-admin";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StackSettings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String token;

    public RealmUpgrade(StackSettings settings) {
        this.settings = settings;
    }

    /** Adds the admin service account when the realm lacks it; answers whether anything changed. */
    public boolean apply(Path realmFile) {
        try {
            token = masterToken();
            JsonNode realm = JSON.readTree(realmFile.toFile());
            boolean rolesAdded = addMissingRoles(realm);
            if (get("/clients?clientId=" + ADMIN_CLIENT).size() > 0) {
                return rolesAdded;
            }
            for (JsonNode client : realm.path("clients")) {
                if (ADMIN_CLIENT.equals(client.path("clientId").asString())) {
                    ObjectNode copy = (ObjectNode) client.deepCopy();
                    // The file's placeholder, resolved as Keycloak's import would: from the environment, else its default.
                    copy.put("secret", resolve(client.path("secret").asString()));
                    send("POST", "/clients", copy);
                }
            }
            String clientId = get("/clients?clientId=" + ADMIN_CLIENT).get(0).path("id").asString();
            String serviceUser = get("/clients/" + clientId + "/service-account-user").path("id").asString();
            String realmManagement = get("/clients?clientId=realm-management").get(0).path("id").asString();
            ArrayNode roles = JSON.createArrayNode();
            for (JsonNode user : realm.path("users")) {
                if (ADMIN_CLIENT.equals(user.path("serviceAccountClientId").asString())) {
                    for (JsonNode name : user.path("clientRoles").path("realm-management")) {
                        roles.add(get("/clients/" + realmManagement + "/roles/" + URLEncoder.encode(name.asString(), StandardCharsets.UTF_8)));
                    }
                }
            }
            send("POST", "/users/" + serviceUser + "/role-mappings/clients/" + realmManagement, roles);
            ObjectNode events = JSON.createObjectNode();
            events.put("eventsEnabled", realm.path("eventsEnabled").asBoolean(true));
            events.put("eventsExpiration", realm.path("eventsExpiration").asLong(7_776_000));
            events.set("enabledEventTypes", realm.path("enabledEventTypes"));
            events.set("eventsListeners", JSON.createArrayNode().add("jboss-logging"));
            send("PUT", "/events/config", events);
            return true;
        } catch (IOException e) {
            throw new StackException("cannot bring the realm up to date with " + realmFile + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while bringing the realm up to date", e);
        }
    }

    /**
     * Realm roles later versions of the file define (today: department-head). A role new to the
     * realm is also given to the file's people who hold it there: nobody could have changed that yet.
     */
    private boolean addMissingRoles(JsonNode realm) throws IOException, InterruptedException {
        java.util.Set<String> existing = new java.util.HashSet<>();
        for (JsonNode role : get("/roles")) {
            existing.add(role.path("name").asString());
        }
        boolean added = false;
        for (JsonNode role : realm.path("roles").path("realm")) {
            String name = role.path("name").asString();
            if (existing.contains(name)) {
                continue;
            }
            send("POST", "/roles", role);
            JsonNode created = get("/roles/" + URLEncoder.encode(name, StandardCharsets.UTF_8));
            for (JsonNode user : realm.path("users")) {
                boolean holds = false;
                for (JsonNode held : user.path("realmRoles")) {
                    holds |= name.equals(held.asString());
                }
                JsonNode found = holds ? get("/users?exact=true&username=" + URLEncoder.encode(user.path("username").asString(),
                        StandardCharsets.UTF_8)) : JSON.createArrayNode();
                if (found.size() > 0) {
                    send("POST", "/users/" + found.get(0).path("id").asString() + "/role-mappings/realm",
                            JSON.createArrayNode().add(created));
                }
            }
            added = true;
        }
        return added;
    }

    private static String resolve(String value) {
        if (value.startsWith("${") && value.endsWith("}")) {
            String[] parts = value.substring(2, value.length() - 1).split(":", 2);
            String fromEnvironment = System.getenv(parts[0]);
            return fromEnvironment != null ? fromEnvironment : parts.length > 1 ? parts[1] : value;
        }
        return value;
    }

    private String masterToken() throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=admin-cli&username=" + StackSettings.KEYCLOAK_ADMIN_USER
                + "&password=" + StackSettings.KEYCLOAK_ADMIN_PASSWORD;
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(settings.keycloakUrl() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        check(response, "the bootstrap admin's token");
        return JSON.readTree(response.body()).path("access_token").asString();
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(admin(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        check(response, "GET " + path);
        return JSON.readTree(response.body());
    }

    private void send(String method, String path, JsonNode body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(admin(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
        check(response, method + " " + path);
    }

    private HttpRequest.Builder admin(String path) {
        return HttpRequest.newBuilder(URI.create(settings.keycloakUrl() + "/admin/realms/" + StackSettings.REALM + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
    }

    private static void check(HttpResponse<String> response, String what) throws IOException {
        if (response.statusCode() / 100 != 2) {
            throw new IOException(what + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
