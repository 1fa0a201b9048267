package io.vigie.systemtests;

import io.vigie.stack.TestStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole chain in a real browser: the packaged UI sends the visitor to the real Keycloak login
 * page, the person signs in, the home page shows what the API returns for their token, and signing
 * out ends the Keycloak session too.
 */
class SignInThroughKeycloakTests extends BrowserTest {

    @ParameterizedTest(name = "{0} signs in and sees their {1} home page")
    @CsvSource({
            "alice.martin, Alice Martin, Marketing, employee",
            "david.leroy, David Leroy, HR, moderator",
            "emma.dubois, Emma Dubois, IT, admin"})
    void demoPersonSignsInSeesTheirHomePageAndSignsOut(String username, String name, String department, String role) {
        String ui = TestStack.settings().uiUrl();
        browser.get(ui + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).startsWith(TestStack.settings().keycloakUrl() + "/realms/vigie/");
        ScreenshotOnFailure.save(browser, "screenshots", "keycloak-login");
        signIn(username);

        wait.until(ExpectedConditions.textToBe(By.id("welcome"), "Welcome, " + name));
        assertThat(browser.getCurrentUrl()).startsWith(ui);
        assertThat(browser.findElement(By.id("department")).getText()).isEqualTo(department);
        assertThat(browser.findElement(By.id("roles")).getText()).contains(role);
        assertThat(browser.findElement(By.id("signed-in-user")).getText()).isEqualTo(name);
        ScreenshotOnFailure.save(browser, "screenshots", "home-" + username);

        Browser.awaitVaadinIdle(browser);
        browser.findElement(By.id("sign-out")).click();

        // RP-initiated logout ends the Keycloak session: Keycloak sends us back, and the UI asks for the password again.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        browser.get(ui + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).startsWith(TestStack.settings().keycloakUrl() + "/realms/vigie/");
    }

    @Test
    void expiredAccessTokenIsRefreshedWithoutSigningInAgain() throws Exception {
        try (AutoCloseable ignored = KeycloakAdmin.shortAccessTokens("vigie-ui", 5)) {
            String ui = TestStack.settings().uiUrl();
            signIn("bruno.petit");
            wait.until(ExpectedConditions.textToBe(By.id("welcome"), "Welcome, Bruno Petit"));

            // Once the 5-second access token has expired, a new page still gets Bruno's data from the
            // API (which allows no clock skew in tests): the UI used the refresh token, silently.
            await().pollDelay(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                browser.navigate().refresh();
                wait.until(ExpectedConditions.or(
                        ExpectedConditions.presenceOfElementLocated(By.id("welcome")),
                        ExpectedConditions.presenceOfElementLocated(By.id("api-error"))));
                assertThat(browser.findElements(By.id("api-error"))).isEmpty();
                assertThat(browser.findElement(By.id("department")).getText()).isEqualTo("Sales");
            });
            assertThat(browser.getCurrentUrl()).startsWith(ui);
        }
    }
}
