package io.vigie.systemtests;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;

import io.vigie.stack.TestStack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trend-watch in the browser: a burst of colleagues on a share rises on the space's board
 * with its reason and its themes; a moderator approves it for the company-wide list; an owner
 * follows a feed and a member shares an item from the watch inbox.
 */
class TrendWatchInTheBrowserTests extends BrowserTest {

    private HttpServer site;
    private String run;

    @BeforeEach
    void serve() throws IOException {
        run = UUID.randomUUID().toString().substring(0, 8);
        site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        site.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        site.createContext("/feed.xml", exchange -> send(exchange, "application/rss+xml", rss()));
        site.createContext("/story/", exchange -> send(exchange, "text/html; charset=utf-8",
                "<html><head><title>Hydrogen trucks " + exchange.getRequestURI().getPath().substring(7) + "</title>"
                        + "<meta name=\"description\" content=\"Hydrogen trucks cross the Alps\"></head><body><p>Text</p></body></html>"));
        site.start();
    }

    @AfterEach
    void stop() {
        site.stop(0);
    }

    @Test
    void aBurstRisesOnTheSpaceBoardWithItsReasonAndAModeratorApprovesItForTheCompany() {
        ApiAs chloe = ApiAs.person("chloe.bernard");
        String space = chloe.post("/api/spaces", "{\"name\":\"Fleet " + run + "\",\"kind\":\"open\"}").get("id").asString();
        JsonNode article = chloe.post("/api/spaces/" + space + "/shares",
                "{\"url\":\"" + url("/story/" + run) + "\",\"tags\":[\"fleet" + run + "\"]}");
        String share = article.get("shares").get(0).get("id").asString();
        for (String person : List.of("alice.martin", "bruno.petit", "david.leroy")) {
            ApiAs colleague = ApiAs.person(person);
            colleague.post("/api/spaces/" + space + "/join", "{}");
            colleague.put("/api/posts/" + share + "/vote", "{\"value\":1}");
        }

        signIn("david.leroy");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-trends")));
        browser.get(TestStack.settings().uiUrl() + "/trends?space=" + space);
        By item = By.cssSelector("#trends-content .trend-item");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(item, "Hydrogen trucks " + run));
        assertThat(browser.findElement(item).getText()).contains("4 people from 4 departments in the last 6 hours");
        assertThat(browser.findElements(By.cssSelector("#trends-content .trend-sparkline rect"))).isNotEmpty();

        // Themes: the sharer's tag rises too; its page charts the activity.
        browser.get(TestStack.settings().uiUrl() + "/trends?tab=topics&space=" + space);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("topics-rising"), "#fleet" + run));
        browser.findElement(By.linkText("#fleet" + run)).click();
        wait.until(ExpectedConditions.textToBe(By.id("topic-title"), "#fleet" + run));
        assertThat(browser.findElements(By.cssSelector(".activity-chart rect[data-people='4']")))
                .as(() -> browser.findElement(By.cssSelector(".activity-chart")).getAttribute("outerHTML")).isNotEmpty();

        // Company-wide, it waits for a moderator.
        browser.get(TestStack.settings().uiUrl() + "/moderation/trends");
        By candidate = By.cssSelector(".review-candidate[data-article-id='" + article.get("id").asString() + "']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(candidate));
        Browser.awaitVaadinIdle(browser);
        clickCentered(browser.findElement(candidate).findElement(By.cssSelector(".review-approve")));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(candidate));
        browser.get(TestStack.settings().uiUrl() + "/trends");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("trends-content"), "Hydrogen trucks " + run));
    }

    @Test
    void anOwnerFollowsAFeedAndAMemberSharesAnItemFromTheInbox() {
        ApiAs chloe = ApiAs.person("chloe.bernard");
        String space = chloe.post("/api/spaces", "{\"name\":\"Feeds " + run + "\",\"kind\":\"open\"}").get("id").asString();

        signIn("chloe.bernard");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-trends")));
        browser.get(TestStack.settings().uiUrl() + "/spaces/" + space + "/watch");
        WebElement address = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#source-url input")));
        Browser.awaitVaadinIdle(browser);
        address.sendKeys(url("/feed.xml"));
        browser.findElement(By.id("source-add")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("watch-sources"), "Mobility wire " + run));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#watch-inbox .inbox-item"), 2));

        Browser.awaitVaadinIdle(browser);
        browser.findElement(By.cssSelector("#watch-inbox .inbox-item .inbox-promote")).click();
        WebElement comment = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#promote-comment textarea")));
        comment.sendKeys("For the fleet team");
        browser.findElement(By.id("promote-submit")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#watch-inbox .inbox-item"), 1));

        // The promoted item is a share in the space's feed, with its article.
        browser.get(TestStack.settings().uiUrl() + "/spaces/" + space);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".vigie-post .post-article"), "Hydrogen trucks " + run));
        assertThat(browser.findElement(By.cssSelector(".vigie-post")).getText()).contains("For the fleet team");
    }

    private String rss() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Mobility wire " + run + "</title>"
                + "<link>" + url("/") + "</link><description>d</description>"
                + "<item><title>First item " + run + "</title><link>" + url("/story/" + run + "-1") + "</link></item>"
                + "<item><title>Second item " + run + "</title><link>" + url("/story/" + run + "-2") + "</link></item>"
                + "</channel></rss>";
    }

    private String url(String path) {
        return "http://127.0.0.1:" + site.getAddress().getPort() + path;
    }

    private static void send(HttpExchange exchange, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
