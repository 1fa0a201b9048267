package io.vigie.systemtests;

import io.vigie.stack.TestStack;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A space's page for its owner (preview, post, pin, edit, delete, turn private), a colleague's
 * profile (follow), an outsider at a private space (no trace, a request instead), and every page
 * at phone width.
 */
class SpacePagesInTheBrowserTests extends BrowserTest {

    @Test
    void anOwnerPreviewsPostsPinsEditsDeletesAndTurnsTheSpacePrivate() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        ApiAs alice = ApiAs.person("alice.martin");
        alice.get("/api/me");
        String spaceId = alice.post("/api/spaces", "{\"name\": \"Owner desk " + suffix + "\", \"kind\": \"open\"}").get("id").asString();

        signIn("alice.martin");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));
        open("/spaces/" + spaceId);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("space-name"), "Owner desk " + suffix));

        // Preview renders through the API, exactly as publishing will.
        browser.findElement(By.id("composer-text")).findElement(By.tagName("textarea"))
                .sendKeys("Draft with **strong words** #desk" + suffix);
        click(By.id("composer-preview"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#composer-preview-body strong"), "strong words"));
        click(By.id("composer-write"));
        click(By.id("composer-publish"));

        By card = By.xpath("//div[contains(@class,'vigie-post')][.//div[contains(@class,'post-body')][contains(., 'Draft with')]]");
        wait.until(ExpectedConditions.visibilityOfElementLocated(card));

        clickIn(card, ".post-pin");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(xpath(card) + "//span[contains(@class,'post-pinned')]")));

        clickIn(card, ".post-edit");
        // While editing, the card shows the editor instead of the rendered body.
        WebElement editor = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("vaadin-text-area.post-editor textarea")));
        assertThat(editor.getAttribute("value")).startsWith("Draft with **strong words**");
        editor.sendKeys(" and a second thought");
        click(By.cssSelector("vaadin-button.post-save"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(card, "a second thought"));
        assertThat(browser.findElement(card).findElement(By.cssSelector(".post-edited")).getText()).isEqualTo("edited");

        clickIn(card, ".post-delete");
        WebElement confirm = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("vaadin-confirm-dialog-overlay [slot='confirm-button'], vaadin-confirm-dialog [slot='confirm-button']")));
        confirm.click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(card));
        // The feed comes from the index, which follows the deletion within a second.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(alice.get("/api/spaces/" + spaceId + "/posts?order=latest").get("items").size()).isZero());

        // Turning the space private, from its settings.
        click(By.cssSelector("#space-manage vaadin-details-summary, #space-manage [slot='summary']"));
        WebElement privateChoice = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//vaadin-radio-group[@id='space-edit-kind']//vaadin-radio-button[.//label[contains(., 'Private')]]")));
        privateChoice.click();
        click(By.id("space-save"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("space-kind"), "Private"));
        assertThat(alice.get("/api/spaces/" + spaceId).get("kind").asString()).isEqualTo("private");
        ScreenshotOnFailure.save(browser, "screenshots", "space-page-owner");
    }

    @Test
    void aColleagueFollowsAProfileAndAnOutsiderCanOnlyAskToJoinAPrivateSpace() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        ApiAs alice = ApiAs.person("alice.martin");
        alice.get("/api/me");
        String hidden = alice.post("/api/spaces", "{\"name\": \"Hidden desk " + suffix + "\", \"kind\": \"private\"}").get("id").asString();
        ApiAs bruno = ApiAs.person("bruno.petit");
        bruno.get("/api/me");
        bruno.delete("/api/people/alice.martin/follow");

        signIn("bruno.petit");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));
        open("/people/alice.martin");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("profile-name")));
        String before = browser.findElement(By.id("profile-followers")).getText();
        click(By.id("profile-follow"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("profile-follow"), "Unfollow"));
        assertThat(browser.findElement(By.id("profile-followers")).getText()).isNotEqualTo(before);
        assertThat(bruno.get("/api/people/alice.martin").get("followedByMe").asBoolean()).isTrue();

        open("/spaces/" + hidden);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("not-found")));
        assertThat(browser.getPageSource()).doesNotContain("Hidden desk " + suffix);
        browser.findElement(By.id("request-message")).findElement(By.tagName("input")).sendKeys("I can help");
        click(By.id("request-access"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("vaadin-notification-card")));
        assertThat(alice.get("/api/spaces/" + hidden + "/requests").get(0).get("message").asString()).isEqualTo("I can help");
        bruno.delete("/api/people/alice.martin/follow");
    }

    @Test
    void everyPageFitsAPhoneScreen() {
        ApiAs chloe = ApiAs.person("chloe.bernard");
        chloe.get("/api/me");
        String space = chloe.spaceId("r-d");
        browser.manage().window().setSize(new Dimension(390, 844));
        signIn("chloe.bernard");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));
        for (String page : new String[] {"/", "/spaces", "/spaces/" + space, "/people/chloe.bernard", "/tags/innovation"}) {
            open(page);
            // Nothing scrolls sideways, and nothing in the header is cut off at its right edge.
            long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
                    "return Math.max(document.documentElement.scrollWidth - window.innerWidth,"
                    + " Math.ceil(document.getElementById('sign-out').getBoundingClientRect().right - window.innerWidth));");
            ScreenshotOnFailure.save(browser, "screenshots", "phone" + page.replace('/', '-'));
            assertThat(overflow).as("horizontal overflow of %s at phone width", page).isLessThanOrEqualTo(0);
        }
    }

    private void open(String path) {
        browser.get(TestStack.settings().uiUrl() + path);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("vaadin-app-layout")));
        Browser.awaitVaadinIdle(browser);
    }

    private void click(By by) {
        wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            WebElement element = wait.until(ExpectedConditions.elementToBeClickable(by));
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
            element.click();
            return true;
        });
        Browser.awaitVaadinIdle(browser);
    }

    private void clickIn(By card, String css) {
        click(By.xpath(xpath(card) + "//vaadin-button[contains(@class,'" + css.substring(1) + "')]"));
    }

    private static String xpath(By by) {
        return by.toString().replaceFirst("^By\\.xpath: ", "");
    }
}
