package io.vigie.systemtests;

import io.vigie.stack.TestStack;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Searching from the header with a typo, narrowing by a facet, and opening a result. */
class SearchInTheBrowserTests extends BrowserTest {

    @Test
    void aTypoStillFindsThePostAFacetNarrowsAndTheResultOpens() {
        String word = randomWord();
        String typo = word.substring(0, 4) + (word.charAt(4) == 'x' ? 'y' : 'x') + word.substring(5);
        ApiAs alice = ApiAs.person("alice.martin");
        alice.get("/api/me");
        String space = alice.spaceId("marketing");
        String post = alice.post("/api/spaces/" + space + "/posts",
                "{\"body\": \"Migration plan for the " + word + " clusters #" + word + "\"}").get("id").asString();
        alice.post("/api/posts/" + post + "/comments", "{\"body\": \"The " + word + " clusters move next week\"}");
        ApiAs bruno = ApiAs.person("bruno.petit");
        bruno.get("/api/me");
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode results = bruno.get("/api/search?q=" + word);
            return results.get("items").size() >= 2;
        });

        signIn("bruno.petit");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));
        Browser.awaitVaadinIdle(browser);
        WebElement box = browser.findElement(By.id("header-search")).findElement(By.tagName("input"));
        box.sendKeys(typo);
        box.sendKeys(Keys.ENTER);

        By postResult = By.cssSelector(".search-result[data-id='" + post + "']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(postResult));
        wait.until(ExpectedConditions.textToBe(By.id("did-you-mean-link"), word));
        assertThat(browser.findElements(By.cssSelector(".search-result[data-type='comment']"))).isNotEmpty();
        assertThat(browser.findElement(postResult).findElement(By.tagName("mark")).getText()).isEqualTo(word);

        // Only posts.
        wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            WebElement postsOnly = driver.findElement(By.xpath(
                    "//vaadin-checkbox-group[@id='facet-type']//vaadin-checkbox[.//label[starts-with(normalize-space(.), 'Post')]]"));
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", postsOnly);
            postsOnly.click();
            return true;
        });
        Browser.awaitVaadinIdle(browser);
        wait.until(driver -> driver.findElements(By.cssSelector(".search-result[data-type='comment']")).isEmpty());
        assertThat(browser.findElements(postResult)).hasSize(1);
        ScreenshotOnFailure.save(browser, "screenshots", "search");

        wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            WebElement link = driver.findElement(postResult).findElement(By.cssSelector("a.result-snippet"));
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", link);
            link.click();
            return true;
        });
        wait.until(ExpectedConditions.urlToBe(TestStack.settings().uiUrl() + "/posts/" + post));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".vigie-post .post-body"), "Migration plan for the"));
    }

    private static String randomWord() {
        Random random = new Random();
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }
}
