package io.vigie.systemtests;

import io.vigie.stack.TestStack;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Giving kudos from the composer (a colleague found by name, a company value), then seeing them on the colleague's profile. */
class KudosInTheBrowserTests extends BrowserTest {

    @Test
    void aPersonThanksAColleagueWhoseProfileShowsTheBadge() {
        String message = "Thanks for the demo " + UUID.randomUUID().toString().substring(0, 8);
        signIn("alice.martin");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("composer-text")));
        clickCentered(browser.findElement(By.id("composer-kudos")));
        WebElement colleague = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#composer-kudos-to input")));
        colleague.sendKeys("Chlo");
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-combo-box-item[contains(., 'Chloé Bernard')]"))).click();
        clickCentered(browser.findElement(By.id("composer-kudos-value")));
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-select-item[normalize-space(.)='Team spirit']"))).click();
        browser.findElement(By.id("composer-text")).findElement(By.tagName("textarea")).sendKeys(message);
        clickCentered(wait.until(ExpectedConditions.elementToBeClickable(By.id("composer-publish"))));

        By card = By.xpath("//div[contains(@class,'vigie-post')][.//div[contains(@class,'post-body')][contains(., '" + message + "')]]");
        WebElement kudos = wait.until(ExpectedConditions.visibilityOfNestedElementsLocatedBy(card, By.cssSelector(".kudos-banner"))).getFirst();
        assertThat(kudos.getText()).contains("Chloé Bernard").contains("Team spirit");

        browser.get(TestStack.settings().uiUrl() + "/people/chloe.bernard");
        WebElement badge = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#profile-kudos .kudos-badge[data-value='team-spirit']")));
        assertThat(badge.getText()).contains("Team spirit");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("profile-kudos"), message));
        ScreenshotOnFailure.save(browser, "screenshots", "kudos-profile");
    }
}
