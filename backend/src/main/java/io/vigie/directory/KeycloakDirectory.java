package io.vigie.directory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.vigie.web.ApiProblems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Keycloak's Admin REST API for the {@code vigie} realm, called with the realm's service account.
 * Plain JSON over the non-blocking WebClient (no thread is held while Keycloak answers), with our
 * own small records: the official admin client would bring RESTEasy and Jackson 2 into this
 * Jackson 3 application. Keycloak's errors become the API's problem details; Keycloak being down
 * or slow becomes 503, which only the admin screens ever see.
 */
@Component
class KeycloakDirectory {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Account(String id, String username, String firstName, String lastName, String email, Boolean enabled,
                   Long createdTimestamp) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Group(String id, String name, String path, Map<String, List<String>> attributes) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Role(String id, String name) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Event(Long time) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ServiceToken(String access_token, long expires_in) {}

    /** A new account: the password is temporary (Keycloak asks for a new one at the first sign-in). */
    record NewAccount(String username, String firstName, String lastName, String email, String departmentPath,
                      String temporaryPassword) {}

    private static final ParameterizedTypeReference<List<Account>> ACCOUNTS = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<Group>> GROUPS = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<Role>> ROLES = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<Event>> EVENTS = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {};
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebClient admin;
    private final WebClient tokens;
    private final DirectoryProperties properties;
    /** The service account's token, shared by all calls until it nearly expires or Keycloak stops accepting it. */
    private final java.util.concurrent.atomic.AtomicReference<Mono<String>> token = new java.util.concurrent.atomic.AtomicReference<>();
    /** Role ids by name: role-mapping bodies need both, and they never change. */
    private final Mono<Map<String, String>> roleIds;

    KeycloakDirectory(DirectoryProperties properties, @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer) {
        this.properties = properties;
        WebClient.Builder builder = WebClient.builder();
        int realms = issuer.lastIndexOf("/realms/");
        this.admin = builder.clone().baseUrl(issuer.substring(0, realms) + "/admin" + issuer.substring(realms)).build();
        this.tokens = builder.clone().baseUrl(issuer + "/protocol/openid-connect/token").build();
        this.token.set(newToken());
        this.roleIds = call(admin -> admin.get().uri("/roles?briefRepresentation=true&max=1000").retrieve().bodyToMono(ROLES))
                .map(roles -> {
                    Map<String, String> ids = new HashMap<>();
                    roles.forEach(role -> ids.put(role.name(), role.id()));
                    return Map.copyOf(ids);
                })
                .cache(ids -> Duration.ofHours(1), error -> Duration.ZERO, () -> Duration.ZERO);
    }

    /** One token for all calls, renewed 30 s before it expires; a failure is not remembered. */
    private Mono<String> newToken() {
        return fetchToken()
                .cache(t -> Duration.ofSeconds(Math.max(0, t.expires_in() - 30)), error -> Duration.ZERO, () -> Duration.ZERO)
                .map(ServiceToken::access_token);
    }

    private Mono<ServiceToken> fetchToken() {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("client_id", properties.clientId());
        form.add("client_secret", properties.clientSecret());
        return tokens.post().contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData(form))
                .retrieve().bodyToMono(ServiceToken.class)
                .timeout(properties.timeout());
    }

    // --- people

    /** Accounts whose username, name or e-mail contains the text (all without it), a page at a time. */
    Mono<List<Account>> accounts(String text, int first, int max) {
        return call(admin -> admin.get().uri("/users?search={search}&first={first}&max={max}&briefRepresentation=true",
                        search(text), first, max)
                .retrieve().bodyToMono(ACCOUNTS));
    }

    Mono<Long> countAccounts(String text) {
        return call(admin -> admin.get().uri("/users/count?search={search}", search(text)).retrieve().bodyToMono(Long.class));
    }

    Mono<Account> account(String id) {
        return call(admin -> admin.get().uri("/users/{id}", id).retrieve().bodyToMono(Account.class));
    }

    Mono<List<Group>> groupsOf(String id) {
        return call(admin -> admin.get().uri("/users/{id}/groups?briefRepresentation=false", id).retrieve().bodyToMono(GROUPS));
    }

    Mono<List<String>> realmRolesOf(String id) {
        return call(admin -> admin.get().uri("/users/{id}/role-mappings/realm", id).retrieve().bodyToMono(ROLES))
                .map(roles -> roles.stream().map(Role::name).toList());
    }

    /** The last stored LOGIN event (the realm keeps them for 90 days). */
    Mono<Optional<Instant>> lastSignIn(String id) {
        return call(admin -> admin.get().uri("/events?user={id}&type=LOGIN&first=0&max=1", id).retrieve().bodyToMono(EVENTS))
                .map(events -> events.stream().findFirst().map(Event::time).map(Instant::ofEpochMilli));
    }

    /** Creates the account and answers its id (from the Location header). */
    Mono<String> create(NewAccount account) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", account.username());
        body.put("firstName", account.firstName());
        body.put("lastName", account.lastName());
        body.put("email", account.email());
        body.put("enabled", true);
        body.put("emailVerified", false);
        if (account.departmentPath() != null) {
            body.put("groups", List.of(account.departmentPath()));
        }
        body.put("credentials", List.of(Map.of("type", "password", "value", account.temporaryPassword(), "temporary", true)));
        return call(admin -> admin.post().uri("/users").bodyValue(body).retrieve().toBodilessEntity())
                .map(KeycloakDirectory::createdId);
    }

    /** Enables or disables the account; the whole representation goes back, so nothing else changes. */
    Mono<Void> setEnabled(String id, boolean enabled) {
        return call(admin -> admin.get().uri("/users/{id}", id).retrieve().bodyToMono(OBJECT))
                .flatMap(user -> {
                    Map<String, Object> changed = new HashMap<>(user);
                    changed.put("enabled", enabled);
                    return call(admin -> admin.put().uri("/users/{id}", id).bodyValue(changed).retrieve().toBodilessEntity());
                })
                .then();
    }

    /** Ends every session of the account and invalidates its earlier tokens (Keycloak's not-before). */
    Mono<Void> logout(String id) {
        return call(admin -> admin.post().uri("/users/{id}/logout", id).retrieve().toBodilessEntity()).then();
    }

    Mono<Void> grant(String id, String role) {
        return roleBody(role).flatMap(body -> call(admin -> admin.post().uri("/users/{id}/role-mappings/realm", id)
                .bodyValue(body).retrieve().toBodilessEntity())).then();
    }

    Mono<Void> revoke(String id, String role) {
        return roleBody(role).flatMap(body -> call(admin -> admin.method(org.springframework.http.HttpMethod.DELETE)
                .uri("/users/{id}/role-mappings/realm", id).bodyValue(body).retrieve().toBodilessEntity())).then();
    }

    private Mono<List<Role>> roleBody(String role) {
        return roleIds.flatMap(ids -> ids.containsKey(role)
                ? Mono.just(List.of(new Role(ids.get(role), role)))
                : Mono.error(ApiProblems.invalid("role", "is not a role of the realm")));
    }

    Mono<Void> joinGroup(String id, String groupId) {
        return call(admin -> admin.put().uri("/users/{id}/groups/{group}", id, groupId).retrieve().toBodilessEntity()).then();
    }

    Mono<Void> leaveGroup(String id, String groupId) {
        return call(admin -> admin.delete().uri("/users/{id}/groups/{group}", id, groupId).retrieve().toBodilessEntity()).then();
    }

    // --- departments (top-level groups)

    Mono<List<Group>> groups() {
        return call(admin -> admin.get().uri("/groups?briefRepresentation=false&first=0&max=1000").retrieve().bodyToMono(GROUPS));
    }

    Mono<Group> group(String id) {
        return call(admin -> admin.get().uri("/groups/{id}", id).retrieve().bodyToMono(Group.class));
    }

    /** Up to {@code max} members' ids. */
    Mono<List<Account>> members(String groupId, int max) {
        return call(admin -> admin.get().uri("/groups/{id}/members?first=0&max={max}&briefRepresentation=true", groupId, max)
                .retrieve().bodyToMono(ACCOUNTS));
    }

    /** A department group carries its name as the {@code department} attribute, which the token mapper reads. */
    Mono<String> createGroup(String name) {
        Map<String, Object> body = Map.of("name", name, "attributes", Map.of("department", List.of(name)));
        return call(admin -> admin.post().uri("/groups").bodyValue(body).retrieve().toBodilessEntity())
                .map(KeycloakDirectory::createdId);
    }

    /** Keycloak answers a creation with 201 and the new resource's address: its last segment is the id. */
    private static String createdId(org.springframework.http.ResponseEntity<Void> created) {
        URI location = created.getHeaders().getLocation();
        if (location == null) {
            throw ApiProblems.status(HttpStatus.BAD_GATEWAY, "Directory answered oddly", "Keycloak created the entry without saying where.");
        }
        String path = location.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Renames the group and its department attribute; the rest of the representation is sent back unchanged. */
    @SuppressWarnings("unchecked")
    Mono<Void> renameGroup(String id, String name) {
        return call(admin -> admin.get().uri("/groups/{id}", id).retrieve().bodyToMono(OBJECT))
                .flatMap(group -> {
                    Map<String, Object> changed = new HashMap<>(group);
                    changed.put("name", name);
                    Map<String, Object> attributes = new HashMap<>((Map<String, Object>) group.getOrDefault("attributes", Map.of()));
                    attributes.put("department", List.of(name));
                    changed.put("attributes", attributes);
                    changed.remove("subGroups");
                    return call(admin -> admin.put().uri("/groups/{id}", id).bodyValue(changed).retrieve().toBodilessEntity());
                })
                .then();
    }

    Mono<Void> deleteGroup(String id) {
        return call(admin -> admin.delete().uri("/groups/{id}", id).retrieve().toBodilessEntity()).then();
    }

    // --- plumbing

    /** Keycloak's search is a prefix match by default; {@code *text*} finds the text anywhere. */
    private static String search(String text) {
        return text == null || text.isBlank() ? "" : "*" + text.strip() + "*";
    }

    private <T> Mono<T> call(Function<WebClient, Mono<T>> request) {
        return Mono.defer(() -> {
                    Mono<String> current = token.get();
                    return current.flatMap(bearer -> request.apply(authorized(bearer)))
                            // Keycloak no longer takes the token (restarted, keys rotated, client re-created): a new one, once.
                            .onErrorResume(WebClientResponseException.Unauthorized.class, refused -> {
                                token.compareAndSet(current, newToken());
                                return token.get().flatMap(bearer -> request.apply(authorized(bearer)));
                            });
                })
                .timeout(properties.timeout())
                .onErrorMap(error -> !(error instanceof ErrorResponseException), KeycloakDirectory::problem);
    }

    private WebClient authorized(String bearer) {
        return admin.mutate().defaultHeaders(headers -> headers.setBearerAuth(bearer)).build();
    }

    /** Keycloak's answer as one of ours: its own message for conflicts and invalid input; 503 when it cannot be reached. */
    static ErrorResponseException problem(Throwable error) {
        if (error instanceof WebClientResponseException response) {
            String message = messageOf(response.getResponseBodyAsString());
            HttpStatus status = HttpStatus.resolve(response.getStatusCode().value());
            if (status == HttpStatus.NOT_FOUND) {
                return ApiProblems.notFound("This person or department");
            }
            if (status == HttpStatus.CONFLICT) {
                return ApiProblems.conflict(message == null ? "Keycloak refused the change: it conflicts with an existing entry." : message);
            }
            if (status == HttpStatus.BAD_REQUEST) {
                return ApiProblems.invalid("request", message == null ? "was refused by Keycloak" : "was refused by Keycloak: " + message);
            }
            if (status == HttpStatus.UNAUTHORIZED || status == HttpStatus.FORBIDDEN) {
                return ApiProblems.status(HttpStatus.BAD_GATEWAY, "Directory refused Vigie",
                        "Keycloak refused Vigie's service account (" + response.getStatusCode().value()
                                + "): check the vigie-admin client's secret and its realm-management roles.");
            }
        }
        String why = error instanceof TimeoutException ? "it did not answer in time"
                : error instanceof WebClientRequestException ? "it cannot be reached"
                : "it answered with an error";
        return ApiProblems.status(HttpStatus.SERVICE_UNAVAILABLE, "Directory unavailable",
                "Keycloak, which holds the people and departments, is unavailable (" + why
                        + "). Try again in a moment; the rest of Vigie keeps working.");
    }

    private static String messageOf(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            for (String field : List.of("errorMessage", "error_description", "error")) {
                if (node.hasNonNull(field)) {
                    return node.get(field).asString();
                }
            }
        } catch (RuntimeException notJson) {
            // Not JSON: say nothing rather than echo an HTML page.
        }
        return null;
    }
}
