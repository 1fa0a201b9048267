package io.vigie.systemtests;

import io.vigie.stack.TestStack;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The space directory: create a space, join someone else's, and see one's role change. */
class SpaceDirectoryInTheBrowserTests extends BrowserTest {

    @Test
    void aPersonCreatesASpaceAndJoinsAnother() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        ApiAs bruno = ApiAs.person("bruno.petit");
        bruno.get("/api/me");
        String brunosSpace = bruno.post("/api/spaces", "{\"name\": \"Bruno club " + suffix + "\", \"kind\": \"open\"}")
                .get("slug").asString();

        signIn("alice.martin");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-spaces")));
        Browser.awaitVaadinIdle(browser);
        browser.findElement(By.id("nav-spaces")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-space-name")));

        browser.findElement(By.id("new-space-name")).findElement(By.tagName("input")).sendKeys("Alice lab " + suffix);
        browser.findElement(By.id("create-space")).click();
        By mine = By.cssSelector("[data-space-slug='alice-lab-" + suffix + "']");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(mine, "You own it"));

        By theirs = By.cssSelector("[data-space-slug='" + brunosSpace + "']");
        WebElement join = wait.until(ExpectedConditions.visibilityOfElementLocated(theirs)).findElement(By.cssSelector(".space-join"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", join);
        join.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(theirs, "Member"));
        assertThat(browser.getCurrentUrl()).isEqualTo(TestStack.settings().uiUrl() + "/spaces");
        ScreenshotOnFailure.save(browser, "screenshots", "spaces");
    }
}
