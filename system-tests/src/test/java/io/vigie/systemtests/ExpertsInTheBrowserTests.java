package io.vigie.systemtests;

import io.vigie.stack.TestStack;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Finding an expert by skill, endorsing them on their profile, and asking them a question: in a real browser. */
class ExpertsInTheBrowserTests extends BrowserTest {

    @Test
    void aPersonFindsAnExpertEndorsesAndAsksThem() {
        String skill = "Geo" + UUID.randomUUID().toString().substring(0, 8);
        ApiAs.person("chloe.bernard").put("/api/me/skills", "{\"skills\":[\"" + skill + "\"]}");

        signIn("alice.martin");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-trends")));
        browser.get(TestStack.settings().uiUrl() + "/experts");
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#experts-skill input")));
        Browser.awaitVaadinIdle(browser);
        field.sendKeys(skill);
        clickCentered(browser.findElement(By.id("experts-find")));
        WebElement expert = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".expert[data-username='chloe.bernard']")));
        assertThat(expert.getText()).contains("Chloé Bernard").contains("declared");

        // Her profile: endorse the skill.
        browser.get(TestStack.settings().uiUrl() + "/people/chloe.bernard");
        clickCentered(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#profile-skills .skill-endorse"))));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("profile-skills"), skill + " · 1"));

        // Ask her a question: it opens on its own page, and mentions her.
        Browser.awaitVaadinIdle(browser);
        clickCentered(browser.findElement(By.id("profile-ask")));
        String title = "Which projection for " + skill + " maps?";
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#ask-expert-title input"))).sendKeys(title);
        browser.findElement(By.cssSelector("#ask-expert-details textarea")).sendKeys("For the Lyon office plans.");
        clickCentered(browser.findElement(By.id("ask-expert-send")));
        wait.until(ExpectedConditions.urlContains("/posts/"));
        WebElement question = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".question-title")));
        assertThat(question.getText()).isEqualTo(title);
        assertThat(browser.findElement(By.cssSelector(".post-body")).getText()).contains("chloe.bernard").contains("Lyon");
        ScreenshotOnFailure.save(browser, "screenshots", "ask-expert");
    }
}
