package io.vigie.systemtests;

import io.vigie.stack.TestStack;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asking a question from the composer (with the similar questions shown while typing the title),
 * a colleague answering, and the asker accepting the answer, which then shows first and marked:
 * in a real browser.
 */
class QuestionsInTheBrowserTests extends BrowserTest {

    @Test
    void aPersonAsksSeesSimilarQuestionsAndAcceptsAnAnswer() {
        String word = "q" + UUID.randomUUID().toString().substring(0, 8);
        ApiAs bruno = ApiAs.person("bruno.petit");
        String company = bruno.spaceId("company");
        bruno.post("/api/spaces/" + company + "/join", "{}");
        // An earlier question with the same words, to be suggested while typing.
        bruno.post("/api/spaces/" + company + "/posts",
                "{\"kind\":\"question\",\"title\":\"Parking badges " + word + " renewal\",\"body\":\"Who renews them?\"}");

        signIn("alice.martin");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("composer-text")));
        clickCentered(browser.findElement(By.id("composer-question")));
        WebElement title = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#composer-question-title input")));
        title.sendKeys("Parking badges " + word + " for visitors?");
        // Earlier runs' questions may be suggested too: this run's must be among them.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//div[contains(@class,'similar-question')]/a[contains(., 'Parking badges " + word + " renewal')]")));

        browser.findElement(By.id("composer-text")).findElement(By.tagName("textarea")).sendKeys("Visitors come on Monday.");
        clickCentered(wait.until(ExpectedConditions.elementToBeClickable(By.id("composer-publish"))));
        By card = By.xpath("//div[contains(@class,'vigie-post')][.//a[contains(@class,'question-title')][contains(., '" + word + " for visitors?')]]");
        WebElement question = wait.until(ExpectedConditions.visibilityOfElementLocated(card));
        assertThat(question.findElement(By.cssSelector(".question-unanswered")).isDisplayed()).isTrue();
        String id = question.getAttribute("data-post-id");

        bruno.post("/api/posts/" + id + "/comments", "{\"body\":\"Ask the front desk for a day badge.\"}");
        browser.get(TestStack.settings().uiUrl() + "/posts/" + id);
        WebElement accept = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".answer-accept")));
        Browser.awaitVaadinIdle(browser);
        clickCentered(accept);
        WebElement accepted = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".vigie-comment.accepted")));
        assertThat(accepted.getText()).contains("front desk").contains("Accepted answer");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".question-answered")));
        ScreenshotOnFailure.save(browser, "screenshots", "question-accepted");
    }
}
