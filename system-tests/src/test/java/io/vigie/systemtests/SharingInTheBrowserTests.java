package io.vigie.systemtests;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Sharing a link from the home page: the preview appears as one types, and the article's page opens. */
class SharingInTheBrowserTests extends BrowserTest {

    private HttpServer site;
    private String story;

    @BeforeEach
    void serveAnArticle() throws IOException {
        story = "Wind farms " + UUID.randomUUID().toString().substring(0, 8);
        site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        site.createContext("/", exchange -> {
            byte[] page = ("<html><head><meta property=\"og:title\" content=\"" + story + "\">"
                    + "<meta property=\"og:site_name\" content=\"Energy Weekly\"></head><body><article>Offshore wind grows.</article>"
                    + "</body></html>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        site.start();
    }

    @AfterEach
    void stopTheSite() {
        site.stop(0);
    }

    @Test
    void aPersonSharesALinkWithAPreviewAndLandsOnTheArticle() {
        signIn("chloe.bernard");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("share-link")));
        Browser.awaitVaadinIdle(browser);
        browser.findElement(By.id("share-link")).click();
        WebElement url = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#share-url input")));
        url.sendKeys("http://127.0.0.1:" + site.getAddress().getPort() + "/news/wind?utm_source=newsletter");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("share-preview"), story));
        browser.findElement(By.cssSelector("#share-comment textarea")).sendKeys("Good news for the *energy* team");
        browser.findElement(By.cssSelector("#share-tags input")).sendKeys("energy, wind");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("share-submit"))).click();

        wait.until(ExpectedConditions.urlContains("/articles/"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("article"), story));
        assertThat(browser.findElement(By.id("article")).getText()).contains("Energy Weekly")
                .contains("/news/wind").doesNotContain("utm_source");
        WebElement share = browser.findElement(By.cssSelector(".article-share"));
        assertThat(share.findElement(By.tagName("em")).getText()).isEqualTo("energy");
        assertThat(share.getText()).contains("#energy").contains("#wind");
        // The share is a post: vote on it from the article's page, and the article's counts follow on reload.
        Browser.awaitVaadinIdle(browser);
        share.findElement(By.cssSelector(".vote-up")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".article-share .vote-score"), "1"));
        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("article-counts"), "1 vote"));
        ScreenshotOnFailure.save(browser, "screenshots", "article");
    }
}
