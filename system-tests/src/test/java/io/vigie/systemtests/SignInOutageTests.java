package io.vigie.systemtests;

import io.vigie.stack.TestStack;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Keycloak down, a person who opens Vigie gets Vigie's own page saying that sign-in is
 * unavailable (503, in their language), not a browser error on another host; once Keycloak is
 * back, the sign-in goes to Keycloak again.
 */
class SignInOutageTests {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aNewSignInIsToldClearlyThatKeycloakIsAway() throws Exception {
        TestStack.stopKeycloak();
        try {
            // Keycloak's last answer is remembered for a few seconds: then the page says it is away.
            HttpResponse<String> english = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                    .until(() -> signIn("en"), response -> response.statusCode() == 503);
            assertThat(english.headers().firstValue("Retry-After")).hasValue("60");
            assertThat(english.body()).contains("cannot reach its sign-in service (Keycloak)", "People already signed in keep working");
            assertThat(signIn("fr-FR").body()).contains("Connexion momentanément indisponible");
        } finally {
            TestStack.startKeycloak();
        }
        // The answer is remembered a few seconds; then the sign-in goes to Keycloak again.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(signIn("en").statusCode()).isEqualTo(302));
        assertThat(signIn("en").headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).startsWith(TestStack.settings().keycloakUrl()));
    }

    private static HttpResponse<String> signIn(String language) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(TestStack.settings().uiUrl() + "/oauth2/authorization/keycloak"))
                .header("Accept-Language", language).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
