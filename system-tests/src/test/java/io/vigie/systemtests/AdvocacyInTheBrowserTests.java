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
 * The advocacy loop in real browsers: a moderator promotes a post from its card, a colleague
 * shares it in one click and gets a tracked link, someone outside (a browser with no session)
 * follows the link to the target with the campaign's UTM parameters, and the admin's KPIs count
 * the click for the sharer's department.
 */
class AdvocacyInTheBrowserTests extends BrowserTest {

    @Test
    void aModeratorPromotesAColleagueSharesAnOutsiderClicksAndTheDashboardCountsIt() {
        ApiAs alice = ApiAs.person("alice.martin");
        ApiAs emma = ApiAs.person("emma.dubois");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String space = alice.post("/api/spaces", "{\"name\":\"Advocacy " + run + "\",\"kind\":\"open\"}").get("id").asString();
        String post = alice.post("/api/spaces/" + space + "/posts", "{\"body\":\"We are hiring data people " + run + "\"}").get("id").asString();
        // A public page of the test stack stands in for the careers site the link leads to.
        String target = TestStack.settings().apiUrl() + "/actuator/health?page=careers-" + run;
        long clicksBefore = salesClicks(emma);

        // The moderator promotes the post from the advocacy page the post card links to.
        signIn("david.leroy");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-home")));
        browser.get(TestStack.settings().uiUrl() + "/advocacy?post=" + post);
        WebElement source = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#advocacy-source input")));
        assertThat(source.getDomProperty("value")).isEqualTo("posts/" + post);
        browser.findElement(By.cssSelector("#advocacy-target input")).sendKeys(target);
        browser.findElement(By.cssSelector("#advocacy-text-linkedin textarea")).sendKeys("Join our data team " + run);
        Browser.awaitVaadinIdle(browser);
        clickCentered(browser.findElement(By.id("advocacy-create")));
        By item = By.xpath("//div[contains(@class,'advocacy-item')][.//a[contains(., 'We are hiring data people " + run + "')]]");
        wait.until(ExpectedConditions.visibilityOfElementLocated(item));

        // A colleague in Sales shares it on LinkedIn: one click, and the tracked link is there to copy.
        restartBrowser();
        signIn("bruno.petit");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-home")));
        browser.get(TestStack.settings().uiUrl() + "/advocacy");
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(item));
        assertThat(card.getText()).contains("Join our data team " + run);
        String home = browser.getWindowHandle();
        Browser.awaitVaadinIdle(browser);
        clickCentered(card.findElement(By.cssSelector(".advocacy-share-linkedin")));
        WebElement linkField = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath(xpathOf(item) + "//vaadin-text-field[contains(@class,'advocacy-link')]//input")));
        String link = linkField.getDomProperty("value");
        assertThat(link).matches("http://[^/]+/go/[A-Za-z0-9]{10}");
        assertThat(browser.findElement(By.xpath(xpathOf(item) + "//a[contains(@class,'advocacy-open')]")).getDomAttribute("href"))
                .startsWith("https://www.linkedin.com/sharing/share-offsite/?url=");
        browser.switchTo().window(home);

        // Someone outside the company, with no session, follows the link: straight to the target, with the campaign.
        restartBrowser();
        browser.get(link);
        wait.until(ExpectedConditions.urlContains("utm_source=linkedin"));
        assertThat(browser.getCurrentUrl()).startsWith(target + "&").contains("utm_medium=advocacy", "utm_content=sales");

        // The admin's dashboard counts it for Sales.
        assertThat(salesClicks(emma)).isEqualTo(clicksBefore + 1);
        restartBrowser();
        signIn("emma.dubois");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-kpis")));
        Browser.awaitVaadinIdle(browser);
        clickCentered(browser.findElement(By.id("nav-kpis")));
        WebElement sales = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#kpi-advocacy .kpi-advocacy-row[data-department='Sales']")));
        assertThat(sales.getText()).startsWith("Sales:").contains("click");
        assertThat(browser.findElement(By.cssSelector("#kpi-advocacy svg rect[data-label='Sales']")).getDomAttribute("data-value"))
                .isEqualTo(Long.toString(clicksBefore + 1));
        assertThat(browser.findElements(By.cssSelector("#kpi-activity svg polyline"))).hasSize(4);
        assertThat(browser.findElement(By.id("kpi-advocacy-csv")).getDomAttribute("href")).isNotBlank();
    }

    private void restartBrowser() {
        browser.quit();
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    /** Sales' advocacy clicks over the default range, as the admin's API reads them. */
    private static long salesClicks(ApiAs admin) {
        for (JsonNode row : admin.get("/api/kpis?department=Sales").get("advocacy")) {
            if ("Sales".equals(row.get("department").asString())) {
                return row.get("clicks").asLong();
            }
        }
        return 0;
    }
}
