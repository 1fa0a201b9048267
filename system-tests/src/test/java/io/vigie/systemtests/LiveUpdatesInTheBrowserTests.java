package io.vigie.systemtests;

import io.vigie.stack.TestStack;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A post and a vote by someone else appear on an open home page, without reloading it. */
class LiveUpdatesInTheBrowserTests extends BrowserTest {

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

        signIn("bruno.petit");
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
