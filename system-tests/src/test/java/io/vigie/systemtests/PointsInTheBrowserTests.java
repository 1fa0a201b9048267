package io.vigie.systemtests;

import io.vigie.stack.TestStack;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Points in a real browser: a person finds herself on her department's leaderboard, keeps out of
 * it and back in, sees her badges on her profile; an admin changes what a post earns.
 */
class PointsInTheBrowserTests extends BrowserTest {

    @Test
    void aPersonFindsHerselfOnTheLeaderboardKeepsOutAndAnAdminSetsThePoints() {
        ApiAs alice = ApiAs.person("alice.martin");
        String space = alice.post("/api/spaces", "{\"name\":\"Points " + UUID.randomUUID() + "\",\"kind\":\"open\"}").get("id").asString();
        alice.post("/api/spaces/" + space + "/posts", "{\"body\":\"Counting my points\"}");
        String department = alice.get("/api/me").get("department").asString();

        signIn("alice.martin");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("my-leaderboard")));
        Browser.awaitVaadinIdle(browser);
        clickCentered(browser.findElement(By.id("my-leaderboard")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("leaderboard-me")));
        Browser.awaitVaadinIdle(browser);
        clickCentered(browser.findElement(By.id("leaderboard-department")));
        clickWhenSettled(By.xpath("//vaadin-select-item[normalize-space(.)='" + department + "']"));
        // The board is drawn again for the department: wait for that one, not the company's.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#leaderboard-people h3"), "People of " + department));
        By me = By.cssSelector("#leaderboard-people .leaderboard-row[data-username='alice.martin']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(me));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("leaderboard-me"), "rank"));

        // Keeping out takes her off the board at once; coming back puts her on it again.
        Browser.awaitVaadinIdle(browser);
        clickCentered(browser.findElement(By.cssSelector("#leaderboard-opt-out input")));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(me));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("leaderboard-me"), "not ranked"));
        Browser.awaitVaadinIdle(browser);
        clickCentered(browser.findElement(By.cssSelector("#leaderboard-opt-out input")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(me));

        // Her profile shows her points and badges.
        browser.get(TestStack.settings().uiUrl() + "/people/alice.martin");
        WebElement achievements = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("profile-achievements")));
        assertThat(achievements.findElement(By.id("achievements-points")).getText()).contains("points");
        assertThat(achievements.findElements(By.cssSelector(".achievement-badge[data-badge='first-post']"))).hasSize(1);

        // An admin sets what a post earns.
        browser.quit();
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        ApiAs emma = ApiAs.person("emma.dubois");
        try {
            signIn("emma.dubois");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-home")));
            browser.get(TestStack.settings().uiUrl() + "/admin/points");
            WebElement post = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#points-post input")));
            post.sendKeys(Keys.chord(Keys.CONTROL, "a"), "3");
            Browser.awaitVaadinIdle(browser);
            clickCentered(browser.findElement(By.id("points-save")));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//vaadin-notification-card[contains(., 'Points saved')]")));
            assertThat(pointsOf(emma, "post")).isEqualTo(3);
        } finally {
            emma.put("/api/admin/points", "{\"rules\":[{\"kind\":\"post\",\"points\":2}]}");
        }
    }

    private static int pointsOf(ApiAs admin, String kind) {
        for (var rule : admin.get("/api/admin/points")) {
            if (kind.equals(rule.get("kind").asString())) {
                return rule.get("points").asInt();
            }
        }
        throw new AssertionError("no rule for " + kind);
    }
}
