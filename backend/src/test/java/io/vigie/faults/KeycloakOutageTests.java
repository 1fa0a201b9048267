package io.vigie.faults;

import io.vigie.spaces.Space;
import io.vigie.stack.TestStack;
import io.vigie.support.ApiTest;
import io.vigie.support.Keycloak;
import io.vigie.support.Spaces;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Keycloak stops: people already signed in keep reading and writing with the tokens they hold
 * (the API checks them against the keys it cached), nobody new can sign in, and only the admin
 * console, which needs Keycloak's Admin API, says it is unavailable. When Keycloak is back, so is
 * the console.
 */
class KeycloakOutageTests extends ApiTest {

    @Test
    void signedInPeopleKeepWorkingWhileKeycloakIsDown() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Caller alice = withToken(Keycloak.freshToken("alice.martin")).signedIn();
        Caller bruno = withToken(Keycloak.freshToken("bruno.petit")).signedIn();
        Caller emma = withToken(Keycloak.freshToken("emma.dubois")).signedIn();
        Space space = Spaces.create(alice, "Outage " + run, "open");

        TestStack.stopKeycloak();
        try {
            String post = (String) alice.post("/api/spaces/{id}/posts", Map.of("body", "Written while Keycloak is down " + run), space.id())
                    .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
            await().untilAsserted(() -> assertThat(bruno.get("/api/search?q={q}&type=post", run).expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody().toString()).contains(post));
            bruno.get("/api/feed").expectStatus().isOk();
            emma.get("/api/admin/people").expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("Keycloak", "keeps working"));
            assertThatThrownBy(() -> Keycloak.freshToken("farid.haddad")).as("a new sign-in").isInstanceOf(IllegalStateException.class);
        } finally {
            TestStack.startKeycloak();
        }
        emma.get("/api/admin/people?size=1").expectStatus().isOk();
        assertThat(List.of(Keycloak.freshToken("farid.haddad"))).isNotEmpty();
    }
}
