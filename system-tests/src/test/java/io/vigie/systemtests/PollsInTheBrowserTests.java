package io.vigie.systemtests;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A poll written in the composer, voted on in the feed, its results shown as bars, then closed: in a real browser. */
class PollsInTheBrowserTests extends BrowserTest {

    @Test
    void aPersonAsksAPollVotesAndSeesTheResults() {
        String question = "Browser poll " + UUID.randomUUID().toString().substring(0, 8);
        signIn("alice.martin");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("composer-text")));
        browser.findElement(By.id("composer-text")).findElement(By.tagName("textarea")).sendKeys(question + ": which day?");
        clickCentered(browser.findElement(By.id("composer-poll")));
        List<WebElement> choices = wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".poll-option-field input"), 2));
        choices.get(0).sendKeys("Monday");
        choices.get(1).sendKeys("Friday");
        clickCentered(browser.findElement(By.cssSelector(".poll-add-option")));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".poll-option-field input"), 3))
                .get(2).sendKeys("Wednesday");
        clickCentered(wait.until(ExpectedConditions.elementToBeClickable(By.id("composer-publish"))));

        By card = By.xpath("//div[contains(@class,'vigie-post')][.//div[contains(@class,'post-body')][contains(., '" + question + "')]]");
        WebElement poll = wait.until(ExpectedConditions.visibilityOfNestedElementsLocatedBy(card, By.cssSelector(".post-poll"))).getFirst();
        assertThat(poll.findElements(By.tagName("vaadin-radio-button"))).hasSize(3);
        assertThat(poll.findElements(By.cssSelector(".poll-result"))).as("no results before voting").isEmpty();

        clickCentered(poll.findElements(By.tagName("vaadin-radio-button")).get(1));
        clickCentered(poll.findElement(By.cssSelector(".poll-vote")));
        By mine = By.xpath("(" + xpathOf(card) + ")//div[contains(@class,'poll-result')][contains(@class,'mine')]");
        WebElement chosen = wait.until(ExpectedConditions.visibilityOfElementLocated(mine));
        assertThat(chosen.getText()).contains("Friday").contains("100");
        assertThat(browser.findElements(By.xpath("(" + xpathOf(card) + ")//div[contains(@class,'poll-result')]"))).hasSize(3);

        // Change the vote, then close the poll: the results stay, the choices go.
        clickCentered(browser.findElement(card).findElement(By.cssSelector(".poll-change")));
        wait.until(ExpectedConditions.visibilityOfNestedElementsLocatedBy(card, By.tagName("vaadin-radio-button")));
        clickCentered(browser.findElement(card).findElements(By.tagName("vaadin-radio-button")).get(2));
        clickCentered(browser.findElement(card).findElement(By.cssSelector(".poll-vote")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(mine, "Wednesday"));
        // A colleague votes elsewhere: the bars change here, live, with no reload.
        String id = browser.findElement(card).getAttribute("data-post-id");
        ApiAs.person("bruno.petit").put("/api/posts/" + id + "/poll/ballot", "{\"choices\":[0]}");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(mine, "50"));
        clickCentered(browser.findElement(card).findElement(By.cssSelector(".poll-close")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.xpath("(" + xpathOf(card) + ")//span[contains(@class,'poll-meta')]"), "closed"));
        assertThat(browser.findElement(card).findElements(By.cssSelector(".poll-change"))).isEmpty();
        ScreenshotOnFailure.save(browser, "screenshots", "poll-closed");
    }
}
