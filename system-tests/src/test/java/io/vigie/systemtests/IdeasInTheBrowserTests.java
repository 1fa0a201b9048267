package io.vigie.systemtests;

import io.vigie.stack.TestStack;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A challenge from end to end in a real browser: its sponsor opens it and proposes an idea, a
 * juror scores privately, a colleague who is not on the jury sees no score, the sponsor closes it,
 * sees the ranking with the winner, moves the winning idea along, and finds the announcement in
 * the space's feed.
 */
class IdeasInTheBrowserTests extends BrowserTest {

    @Test
    void aSponsorOpensAChallengeAJurorScoresAndTheCloseAnnouncesTheWinner() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        ApiAs alice = ApiAs.person("alice.martin");
        JsonNode space = alice.post("/api/spaces", "{\"name\":\"Tank " + run + "\",\"kind\":\"open\"}");
        String spaceId = space.get("id").asString();
        ApiAs bruno = ApiAs.person("bruno.petit");
        ApiAs chloe = ApiAs.person("chloe.bernard");
        bruno.post("/api/spaces/" + spaceId + "/join", "{}");
        chloe.post("/api/spaces/" + spaceId + "/join", "{}");

        // The sponsor opens the challenge from the challenges page.
        signIn("alice.martin");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-home")));
        browser.get(TestStack.settings().uiUrl() + "/challenges");
        clickCentered(wait.until(ExpectedConditions.elementToBeClickable(By.id("challenge-new"))));
        Browser.awaitVaadinIdle(browser);
        clickCentered(wait.until(ExpectedConditions.elementToBeClickable(By.id("challenge-space"))));
        // The test stack keeps every earlier run's spaces: the item may be below the list's fold.
        clickWhenSettled(By.xpath("//vaadin-select-item[normalize-space(.)='Tank " + run + "']"));
        browser.findElement(By.cssSelector("#challenge-title-field input")).sendKeys("Greener offices " + run);
        browser.findElement(By.cssSelector("#challenge-question textarea")).sendKeys("How do we halve our energy use?");
        WebElement winners = browser.findElement(By.cssSelector("#challenge-winners input"));
        winners.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "1");
        browser.findElement(By.cssSelector("#challenge-jury input")).sendKeys("bruno.petit");
        clickCentered(browser.findElement(By.id("challenge-submit")));

        // On the challenge's page, the sponsor proposes an idea to it.
        clickCentered(wait.until(ExpectedConditions.elementToBeClickable(By.id("challenge-propose"))));
        Browser.awaitVaadinIdle(browser);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#idea-title input"))).sendKeys("Smart thermostats " + run);
        browser.findElement(By.cssSelector("#idea-problem-field textarea")).sendKeys("Empty rooms are heated all weekend.");
        browser.findElement(By.cssSelector("#idea-proposal-field textarea")).sendKeys("Thermostats that follow the room bookings.");
        browser.findElement(By.cssSelector("#idea-benefit-field textarea")).sendKeys("A fifth less heating.");
        clickCentered(browser.findElement(By.id("idea-submit")));
        WebElement mine = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//div[@id='challenge-ideas']//div[contains(@class,'idea-row')][.//a[contains(., 'Smart thermostats " + run + "')]]")));
        String ideaId = mine.getAttribute("data-idea-id");
        String challengeId = browser.getCurrentUrl().replaceFirst(".*/challenges/", "");

        // A colleague proposes another; the juror scores it low through the API.
        String other = chloe.post("/api/spaces/" + spaceId + "/posts", "{\"kind\":\"idea\",\"title\":\"Stairs week " + run
                + "\",\"body\":\"Take the stairs.\",\"idea\":{\"problem\":\"Lifts\",\"benefit\":\"Health\",\"challengeId\":\"" + challengeId + "\"}}")
                .get("id").asString();
        JsonNode criteria = bruno.get("/api/challenges/" + challengeId).get("challenge").get("challenge").get("criteria");
        StringBuilder low = new StringBuilder("{\"scores\":{");
        for (int i = 0; i < criteria.size(); i++) {
            low.append(i == 0 ? "" : ",").append('"').append(criteria.get(i).get("id").asString()).append("\":2");
        }
        bruno.put("/api/challenges/" + challengeId + "/scores/" + other, low.append("}}").toString());

        // The juror scores the sponsor's idea on their private sheet.
        restart();
        signIn("bruno.petit");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-home")));
        browser.get(TestStack.settings().uiUrl() + "/challenges/" + challengeId);
        By sheetRow = By.xpath("//div[@id='challenge-scores']//div[contains(@class,'score-row')][@data-idea-id='" + ideaId + "']");
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(sheetRow));
        for (WebElement field : row.findElements(By.cssSelector(".score-field input"))) {
            field.sendKeys("9");
        }
        Browser.awaitVaadinIdle(browser);
        clickCentered(row.findElement(By.cssSelector(".score-save")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//vaadin-notification-card[contains(., 'Scores saved')]")));
        assertThat(bruno.get("/api/challenges/" + challengeId + "/scores").get("scores").size()).isEqualTo(2 * criteria.size());

        // A colleague off the jury sees the ideas, and no score.
        restart();
        signIn("chloe.bernard");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-home")));
        browser.get(TestStack.settings().uiUrl() + "/challenges/" + challengeId);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//div[@id='challenge-ideas']//a[contains(., 'Smart thermostats " + run + "')]")));
        assertThat(browser.findElements(By.id("challenge-scores"))).isEmpty();
        assertThat(browser.findElements(By.id("challenge-close"))).isEmpty();

        // The sponsor closes it: the ranking, the winner, and the total only the jury and the sponsor see.
        restart();
        signIn("alice.martin");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-home")));
        browser.get(TestStack.settings().uiUrl() + "/challenges/" + challengeId);
        Browser.awaitVaadinIdle(browser);
        clickCentered(wait.until(ExpectedConditions.elementToBeClickable(By.id("challenge-close"))));
        clickCentered(wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("vaadin-confirm-dialog-overlay [slot='confirm-button'], vaadin-confirm-dialog [slot='confirm-button']"))));
        WebElement first = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//div[@id='challenge-ranking']//div[contains(@class,'challenge-place')][1]")));
        assertThat(first.getAttribute("data-idea-id")).isEqualTo(ideaId);
        assertThat(first.getText()).contains("Winner").contains("Score 9/10");

        // The winning idea is selected; its reviewer moves it on.
        browser.get(TestStack.settings().uiUrl() + "/posts/" + ideaId);
        WebElement badge = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".idea-panel .idea-status")));
        assertThat(badge.getAttribute("data-status")).isEqualTo("selected");
        Browser.awaitVaadinIdle(browser);
        clickCentered(browser.findElement(By.cssSelector(".idea-next-status")));
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-select-item[normalize-space(.)='In progress']"))).click();
        clickCentered(browser.findElement(By.cssSelector(".idea-apply")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".idea-panel .idea-status[data-status='in_progress']")));

        // The winners are announced in the space's feed.
        browser.get(TestStack.settings().uiUrl() + "/spaces/" + spaceId);
        WebElement announcement = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//div[contains(@class,'vigie-post')][.//div[contains(@class,'post-body')][contains(., 'Greener offices " + run + "')]]")));
        assertThat(announcement.findElement(By.cssSelector(".post-body a")).getAttribute("href")).endsWith("/posts/" + ideaId);
        ScreenshotOnFailure.save(browser, "screenshots", "challenge-closed");
    }

    /** A new browser, so the next person signs in with no session left over. */
    private void restart() {
        browser.quit();
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }
}
