package io.vigie.systemtests;

import io.vigie.stack.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

/** A fresh headless Chromium per test, a screenshot when one fails, and signing in through Keycloak. */
abstract class BrowserTest {

    protected WebDriver browser;
    protected WebDriverWait wait;

    @RegisterExtension
    final ScreenshotOnFailure keepFailedPage = new ScreenshotOnFailure(() -> browser);

    @BeforeEach
    void openBrowser() {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    /** Clicks an element after scrolling it to the middle of the window (a sticky header can cover an edge). */
    /** The XPath text of a locator made with {@code By.xpath}, to nest it in a longer XPath. */
    protected static String xpathOf(org.openqa.selenium.By by) {
        return by.toString().replaceFirst("^By\\.xpath: ", "");
    }

    protected void clickCentered(org.openqa.selenium.WebElement element) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    /**
     * Clicks what the locator finds, scrolled into view, once it holds still: a list that opens
     * (a select's items) may render its items again while it does.
     */
    protected void clickWhenSettled(org.openqa.selenium.By locator) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(driver -> {
            clickCentered(driver.findElement(locator));
            return true;
        });
    }

    /** Opens the UI and signs in on the real Keycloak login page. */
    protected void signIn(String username) {
        browser.get(TestStack.settings().uiUrl() + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("kc-login")).click();
    }
}
