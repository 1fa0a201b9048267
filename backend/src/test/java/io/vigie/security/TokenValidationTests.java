package io.vigie.security;

import io.vigie.stack.TestStack;
import io.vigie.support.ApiTest;
import io.vigie.support.Jwts;
import io.vigie.support.Keycloak;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every kind of bad token gets 401 as problem details; a good one gets through. */
class TokenValidationTests extends ApiTest {

    @Test
    void validKeycloakTokenReachesTheApi() {
        getAs(Keycloak.accessToken("alice.martin"), "/api/me")
                .expectStatus().isOk()
                .expectBody().jsonPath("$.username").isEqualTo("alice.martin");
    }

    @Test
    void missingTokenGetsUnauthorizedProblem() {
        api.get().uri("/api/me").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.title").isEqualTo("Unauthorized")
                .jsonPath("$.instance").isEqualTo("/api/me");
    }

    @Test
    void unsignedTokenIsRefused() {
        expectRefused(Jwts.unsigned(Keycloak.accessToken("alice.martin")));
    }

    @Test
    void tokenWithChangedClaimsIsRefused() {
        String token = Keycloak.accessToken("alice.martin");
        String forged = Jwts.payloadJson(token).replace("\"employee\"", "\"admin\"");
        assertThat(forged).contains("\"admin\"");
        expectRefused(Jwts.withPayload(token, forged));
    }

    @Test
    void tokenWithDamagedSignatureIsRefused() {
        expectRefused(Jwts.withFlippedSignatureByte(Keycloak.accessToken("alice.martin")));
    }

    @Test
    void tokenFromAnotherIssuerIsRefused() {
        // Same Keycloak, same signing key, but asked through 127.0.0.1: the issuer differs, nothing else.
        String viaOtherHost = "http://127.0.0.1:" + TestStack.settings().ports().keycloak();
        String token = Keycloak.passwordGrant(viaOtherHost, "vigie", "vigie-cli", "alice.martin", Keycloak.DEMO_PASSWORD);
        assertThat(Jwts.payloadJson(token)).contains("\"iss\":\"" + viaOtherHost + "/realms/vigie\"");
        expectRefused(token);
    }

    @Test
    void tokenFromAnotherRealmIsRefused() {
        expectRefused(Keycloak.masterAdminToken());
    }

    @Test
    void tokenForAnotherAudienceIsRefused() {
        // admin-cli exists in every realm and adds no vigie-api audience.
        String token = Keycloak.passwordGrant(TestStack.settings().keycloakUrl(), "vigie", "admin-cli",
                "alice.martin", Keycloak.DEMO_PASSWORD);
        assertThat(Jwts.payloadJson(token)).doesNotContain("vigie-api");
        expectRefused(token);
    }

    @Test
    void expiredTokenIsRefused() {
        String clientId = "short-lived-" + UUID.randomUUID();
        int created = Keycloak.adminPost("/clients", """
                {"clientId": "%s", "publicClient": true, "directAccessGrantsEnabled": true, "standardFlowEnabled": false,
                 "attributes": {"access.token.lifespan": "2"},
                 "protocolMappers": [{"name": "api-audience", "protocol": "openid-connect",
                   "protocolMapper": "oidc-audience-mapper",
                   "config": {"included.client.audience": "vigie-api", "access.token.claim": "true"}}]}
                """.formatted(clientId));
        assertThat(created).isEqualTo(201);
        String token = Keycloak.passwordGrant(TestStack.settings().keycloakUrl(), "vigie", clientId,
                "alice.martin", Keycloak.DEMO_PASSWORD);

        getAs(token, "/api/me").expectStatus().isOk();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> getAs(token, "/api/me").expectStatus().isUnauthorized());
    }

    @Test
    void employeeWithoutAdminRoleGetsForbiddenProblem() {
        getAs(Keycloak.accessToken("alice.martin"), "/api/admin/status")
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403);
    }

    @Test
    void adminReachesAdminEndpoints() {
        getAs(Keycloak.accessToken("emma.dubois"), "/api/admin/status")
                .expectStatus().isOk()
                .expectBody().jsonPath("$.database").isEqualTo("up");
    }

    @Test
    void healthNeedsNoToken() {
        api.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    private void expectRefused(String token) {
        getAs(token, "/api/me")
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .expectBody().jsonPath("$.status").isEqualTo(401);
    }
}
