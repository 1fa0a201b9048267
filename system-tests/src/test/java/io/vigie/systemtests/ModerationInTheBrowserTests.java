package io.vigie.systemtests;

import io.vigie.stack.TestStack;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Moderation in the browser: a colleague reports a post from its card; a moderator who is also
 * an admin restores an item the reports hid, then finds the act in the audit log.
 */
class ModerationInTheBrowserTests extends BrowserTest {

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aColleagueReportsAPostFromItsCard() {
        ApiAs chloe = ApiAs.person("chloe.bernard");
        String space = chloe.post("/api/spaces", "{\"name\":\"Reports " + run + "\",\"kind\":\"open\"}").get("id").asString();
        String post = chloe.post("/api/spaces/" + space + "/posts", "{\"body\":\"Buy cheap stuff " + run + "\"}").get("id").asString();

        signIn("bruno.petit");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-trends")));
        browser.get(TestStack.settings().uiUrl() + "/posts/" + post);
        By card = By.cssSelector(".vigie-post[data-post-id='" + post + "']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(card));
        Browser.awaitVaadinIdle(browser);
        clickCentered(browser.findElement(card).findElement(By.cssSelector(".post-report")));
        WebElement reason = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#report-reason textarea")));
        reason.sendKeys("Advertising " + run);
        browser.findElement(By.id("report-send")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("report-send")));

        assertThat(ApiAs.person("david.leroy").get("/api/moderation/queue").toString()).contains("Advertising " + run);
    }

    @Test
    void aModeratorRestoresAHiddenPostAndTheAuditLogShowsIt() {
        ApiAs chloe = ApiAs.person("chloe.bernard");
        String space = chloe.post("/api/spaces", "{\"name\":\"Hidden " + run + "\",\"kind\":\"open\"}").get("id").asString();
        String post = chloe.post("/api/spaces/" + space + "/posts", "{\"body\":\"A joke that went wrong " + run + "\"}").get("id").asString();
        for (String person : new String[] {"alice.martin", "bruno.petit", "farid.haddad"}) {
            ApiAs.person(person).post("/api/reports", "{\"type\":\"post\",\"id\":\"" + post + "\",\"reason\":\"Offensive " + run + "\"}");
        }

        signIn("emma.dubois");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-moderation")));
        browser.get(TestStack.settings().uiUrl() + "/moderation");
        By item = By.cssSelector(".moderation-item[data-id='" + post + "']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(item));
        assertThat(browser.findElement(item).getText()).contains("Offensive " + run).contains("3 reports");
        Browser.awaitVaadinIdle(browser);
        clickCentered(browser.findElement(item).findElement(By.cssSelector(".moderation-restore")));
        WebElement reason = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#moderation-reason textarea")));
        reason.sendKeys("Context explained " + run);
        browser.findElement(By.id("moderation-confirm")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(item));
        assertThat(ApiAs.person("bruno.petit").get("/api/posts/" + post).get("id").asString()).isEqualTo(post);

        browser.get(TestStack.settings().uiUrl() + "/admin/audit");
        WebElement text = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#audit-text input")));
        Browser.awaitVaadinIdle(browser);
        text.sendKeys(post);
        browser.findElement(By.id("audit-search")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit-entries"), "Context explained " + run));
    }

    @Test
    void aPostWithABannedWordIsHeldAndItsAuthorIsToldWhy() {
        String word = "scamword" + run;
        ApiAs emma = ApiAs.person("emma.dubois");
        emma.post("/api/admin/banned-words", "{\"word\":\"" + word + "\"}");
        try {
            signIn("farid.haddad");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("composer-text")));
            Browser.awaitVaadinIdle(browser);
            browser.findElement(By.id("composer-text")).findElement(By.tagName("textarea")).sendKeys("Look at this " + word);
            wait.until(ExpectedConditions.elementToBeClickable(By.id("composer-publish"))).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("vaadin-notification-card"), "waits for a moderator"));
        } finally {
            emma.delete("/api/admin/banned-words/" + word);
        }
    }
}
