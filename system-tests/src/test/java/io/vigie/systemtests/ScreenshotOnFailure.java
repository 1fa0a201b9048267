package io.vigie.systemtests;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/** Keeps a screenshot and the page source of a failed browser test under target/browser-failures/. */
final class ScreenshotOnFailure implements TestExecutionExceptionHandler {

    private final Supplier<WebDriver> browser;

    ScreenshotOnFailure(Supplier<WebDriver> browser) {
        this.browser = browser;
    }

    /** Runs when the test throws, before @AfterEach closes the browser; the failure is rethrown untouched. */
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable cause) throws Throwable {
        WebDriver driver = browser.get();
        if (driver != null) {
            keep(context, driver);
        }
        throw cause;
    }

    private static void keep(ExtensionContext context, WebDriver driver) {
        save(driver, "browser-failures", context.getDisplayName());
    }

    /** Saves what the browser shows under target/&lt;folder&gt;/, for people to look at. */
    static void save(WebDriver driver, String folder, String title) {
        try {
            Path dir = Files.createDirectories(Path.of("target", folder));
            String name = title.replaceAll("[^A-Za-z0-9.-]+", "_");
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            Files.writeString(dir.resolve(name + ".html"), driver.getCurrentUrl() + "\n" + driver.getPageSource());
        } catch (IOException | RuntimeException e) {
            System.err.println("could not keep the failed page: " + e);
        }
    }
}
