package io.vigie.systemtests;

import io.vigie.stack.TestStack;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Writing a post from the home page, finding it in the feed, and voting on it, in a real browser. */
class PostingInTheBrowserTests extends BrowserTest {

    @Test
    void aPersonPostsFromTheHomePageSeesItRenderedAndVotesOnIt() {
        String marker = "Browser post " + UUID.randomUUID().toString().substring(0, 8);
        signIn("alice.martin");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("composer-text")));

        WebElement text = browser.findElement(By.id("composer-text")).findElement(By.tagName("textarea"));
        text.sendKeys(marker + " with **bold** news #browser");
        WebElement publish = browser.findElement(By.id("composer-publish"));
        wait.until(ExpectedConditions.elementToBeClickable(publish)).click();

        // It shows at once, rendered, on top of the feed.
        By myPost = By.xpath("//div[contains(@class,'vigie-post')][.//div[contains(@class,'post-body')][contains(., '" + marker + "')]]");
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(myPost));
        assertThat(card.findElement(By.tagName("strong")).getText()).isEqualTo("bold");
        assertThat(card.findElement(By.cssSelector("a.hashtag")).getAttribute("href")).endsWith("/tags/browser");

        clickCentered(card.findElement(By.cssSelector(".vote-up")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.xpath("(" + xpathOf(myPost) + ")//span[contains(@class,'vote-score')]"), "1"));

        // After a reload, the post comes from the search index, with its vote.
        wait.until(driver -> {
            driver.navigate().refresh();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("composer-text")));
            // The click must not land while the page is still settling, or it is lost.
            Browser.awaitVaadinIdle(driver);
            driver.findElement(By.id("feed-latest")).click();
            Browser.awaitVaadinIdle(driver);
            return !driver.findElements(myPost).isEmpty();
        });
        assertThat(browser.findElement(myPost).findElement(By.cssSelector(".vote-score")).getText()).isEqualTo("1");

        // Open the discussion and comment (the feed may still be re-rendering after the tab change).
        wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            clickCentered(driver.findElement(myPost).findElement(By.cssSelector(".post-comments")));
            return true;
        });
        WebElement commentBox = wait.until(ExpectedConditions.visibilityOfNestedElementsLocatedBy(myPost,
                By.cssSelector(".comment-text textarea"))).getFirst();
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", commentBox);
        commentBox.sendKeys("Agreed, _great_ news");
        clickCentered(browser.findElement(myPost).findElement(By.cssSelector(".comment-send")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.xpath("(" + xpathOf(myPost) + ")//div[contains(@class,'comment-body')]"), "Agreed, great news"));
        assertThat(browser.findElement(myPost).findElement(By.cssSelector(".post-comments")).getText()).contains("1");

        // Reply to the comment, and vote on it.
        By comment = By.xpath("(" + xpathOf(myPost) + ")//div[contains(@class,'vigie-comment')]");
        clickCentered(browser.findElement(comment).findElement(By.cssSelector(".comment-reply")));
        WebElement replyBox = wait.until(ExpectedConditions.visibilityOfNestedElementsLocatedBy(comment,
                By.cssSelector(".reply-text textarea"))).getFirst();
        replyBox.sendKeys("A reply in the thread");
        clickCentered(browser.findElement(comment).findElement(By.cssSelector(".comment-form-send")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.xpath("(" + xpathOf(comment) + ")//div[contains(@class,'vigie-reply')]//div[contains(@class,'comment-body')]"),
                "A reply in the thread"));
        wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            clickCentered(driver.findElement(comment).findElement(By.cssSelector(".comment-actions .vote-up")));
            return true;
        });
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.xpath("(" + xpathOf(comment) + ")/vaadin-horizontal-layout[contains(@class,'comment-actions')]//span[contains(@class,'vote-score')]"),
                "1"));
        assertThat(browser.findElement(myPost).findElement(By.cssSelector(".post-comments")).getText()).contains("2");
        ScreenshotOnFailure.save(browser, "screenshots", "home-feed-after-posting");
    }
}
