package io.vigie.systemtests;

import io.vigie.stack.TestStack;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A moderator creates a collection, adds a colleague's post to it from the post's card, and finds it in the library. */
class LibraryInTheBrowserTests extends BrowserTest {

    @Test
    void aModeratorCuratesACollection() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        ApiAs alice = ApiAs.person("alice.martin");
        String space = alice.post("/api/spaces", "{\"name\":\"Library browser " + run + "\",\"kind\":\"open\"}").get("id").asString();
        String post = alice.post("/api/spaces/" + space + "/posts", "{\"body\":\"Our mentoring circle " + run + " works\"}").get("id").asString();

        signIn("emma.dubois");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-trends")));
        browser.get(TestStack.settings().uiUrl() + "/library");
        WebElement title = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#library-new-title input")));
        Browser.awaitVaadinIdle(browser);
        title.sendKeys("Mentoring " + run);
        browser.findElement(By.cssSelector("#library-new-description input")).sendKeys("Ways teams grow people");
        clickCentered(browser.findElement(By.id("library-create")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("library-collections"), "Mentoring " + run));

        browser.get(TestStack.settings().uiUrl() + "/posts/" + post);
        WebElement add = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".post-library")));
        Browser.awaitVaadinIdle(browser);
        clickCentered(add);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#add-to-collection-note input"))).sendKeys("Start here");
        clickCentered(browser.findElement(By.id("add-to-collection-send")));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("add-to-collection-send")));

        browser.get(TestStack.settings().uiUrl() + "/library");
        clickCentered(wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[contains(., 'Mentoring " + run + "')]"))));
        WebElement item = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".library-item")));
        assertThat(item.getText()).contains("Start here").contains("Our mentoring circle " + run);
        ScreenshotOnFailure.save(browser, "screenshots", "library-collection");
    }
}
