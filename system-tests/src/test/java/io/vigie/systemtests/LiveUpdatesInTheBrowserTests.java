package io.vigie.systemtests;

import io.vigie.stack.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A post and a vote by someone else appear on an open home page, without reloading it. */
class LiveUpdatesInTheBrowserTests {

    private WebDriver browser;
    private WebDriverWait wait;

    @RegisterExtension
    final ScreenshotOnFailure keepFailedPage = new ScreenshotOnFailure(() -> browser);

    @BeforeEach
    void openBrowser() {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void anotherPersonsPostAndVoteShowUpWithoutReloading() {
        ApiAs alice = ApiAs.person("alice.martin");
        ApiAs bruno = ApiAs.person("bruno.petit");
        alice.get("/api/me");
        bruno.get("/api/me");
        String company = bruno.spaceId("company");
        bruno.post("/api/spaces/" + company + "/join", "");
        alice.post("/api/spaces/" + company + "/join", "");
        bruno.post("/api/notifications/read", "");

        browser.get(TestStack.settings().uiUrl() + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("bruno.petit");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("feed-items")));
        // A mark on this very page: a reload would wipe it.
        ((JavascriptExecutor) browser).executeScript("window.vigieTestMark = 'same page'");

        String marker = "Live " + UUID.randomUUID().toString().substring(0, 8);
        String postId = alice.post("/api/spaces/" + company + "/posts", "{\"body\": \"" + marker + " from Alice for @bruno.petit\"}")
                .get("id").asString();

        By card = By.cssSelector("[data-post-id='" + postId + "']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(card));
        assertThat(browser.findElement(card).getText()).contains(marker).contains("Alice Martin");

        // The mention rings Bruno's bell, live too.
        wait.until(ExpectedConditions.textToBe(By.id("notification-count"), "1"));

        alice.put("/api/posts/" + postId + "/vote", "{\"value\": 1}");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-post-id='" + postId + "'] .vote-score"), "1"));

        // Still the same page: nothing was reloaded.
        assertThat(((JavascriptExecutor) browser).executeScript("return window.vigieTestMark")).isEqualTo("same page");
        ScreenshotOnFailure.save(browser, "screenshots", "live-update");
    }
}
