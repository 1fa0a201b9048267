package io.vigie.sources;

import io.vigie.spaces.Space;
import io.vigie.support.ApiTest;
import io.vigie.support.LocalSite;
import io.vigie.support.Spaces;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Watch sources against the real stack and a feed server on loopback: conditional GET, new items
 * into the inbox, errors recorded with a longer wait, promote and dismiss, and every corpus feed
 * polled by the real scheduler (read, or refused with its error) without stopping the others.
 */
class WatchSourcesTests extends ApiTest {

    private static final String ETAG = "\"v1\"";

    @Autowired
    DatabaseClient db;

    private LocalSite site;
    private final AtomicInteger items = new AtomicInteger(2);
    private final AtomicReference<String> mode = new AtomicReference<>("ok");
    private final List<String> conditionalHeaders = new CopyOnWriteArrayList<>();
    private String run;

    @BeforeEach
    void serve() {
        run = UUID.randomUUID().toString().substring(0, 8);
        site = LocalSite.start()
                .handle("/feed.xml", exchange -> {
                    String sent = exchange.getRequestHeaders().getFirst("If-None-Match");
                    if (sent != null) {
                        conditionalHeaders.add(sent);
                    }
                    switch (mode.get()) {
                        case "broken" -> LocalSite.send(exchange, 200, "application/rss+xml", "<rss><channel><item><title>cut");
                        case "down" -> LocalSite.send(exchange, 503, "text/plain", "maintenance");
                        default -> {
                            String etag = "\"v" + items.get() + "\"";
                            if (etag.equals(sent)) {
                                exchange.getResponseHeaders().add("ETag", etag);
                                exchange.sendResponseHeaders(304, -1);
                                exchange.close();
                                return;
                            }
                            exchange.getResponseHeaders().add("ETag", etag);
                            LocalSite.send(exchange, 200, "application/rss+xml; charset=utf-8", rss(items.get()));
                        }
                    }
                })
                .handle("/news/", exchange -> LocalSite.send(exchange, 200, "text/html; charset=utf-8",
                        "<html><head><title>Story " + exchange.getRequestURI().getPath() + " " + run + "</title></head><body>Text</body></html>"))
                .page("/page.html", "<html><head><title>Not a feed</title></head></html>");
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private String rss(int count) {
        StringBuilder rss = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Energy wire "
                + run + "</title><link>" + site.url("/") + "</link><description>d</description>");
        for (int i = 1; i <= count; i++) {
            rss.append("<item><title>Item ").append(i).append(" &lt;b&gt;bold&lt;/b&gt;</title><link>").append(site.url("/news/" + run + "-" + i))
                    .append("?utm_source=rss</link><description>About item ").append(i).append("</description></item>");
        }
        return rss.append("</channel></rss>").toString();
    }

    @Test
    void anOwnerFollowsAFeedItsItemsReachTheInboxAndNothingNewIsFetchedTwice() {
        Caller alice = as("alice.martin").signedIn();
        Space space = Spaces.create(alice, "Watch " + run, "open");

        Map<?, ?> source = alice.post("/api/spaces/{id}/sources", Map.of("url", site.url("/feed.xml")), space.id())
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(source.get("title")).isEqualTo("Energy wire " + run);
        assertThat(source.get("newItems")).isEqualTo(2);
        assertThat(source.get("lastError")).isNull();
        List<Map> inbox = alice.get("/api/spaces/{id}/inbox", space.id()).expectStatus().isOk().expectBodyList(Map.class)
                .returnResult().getResponseBody();
        assertThat(inbox).extracting(item -> item.get("title")).containsExactlyInAnyOrder("Item 1 bold", "Item 2 bold");
        assertThat(inbox).extracting(item -> item.get("url")).allSatisfy(url -> assertThat((String) url).doesNotContain("utm_source"));

        // Nothing new: the server answers 304 to the validator it gave.
        alice.post("/api/sources/{id}/poll", Map.of(), source.get("id")).expectStatus().isOk().expectBody()
                .jsonPath("$.lastError").doesNotExist().jsonPath("$.newItems").isEqualTo(2);
        assertThat(conditionalHeaders).contains("\"v2\"");

        // A third item appears once.
        items.set(3);
        alice.post("/api/sources/{id}/poll", Map.of(), source.get("id")).expectStatus().isOk().expectBody()
                .jsonPath("$.newItems").isEqualTo(3);
        alice.post("/api/sources/{id}/poll", Map.of(), source.get("id")).expectStatus().isOk().expectBody()
                .jsonPath("$.newItems").isEqualTo(3);
        alice.post("/api/spaces/{id}/sources", Map.of("url", site.url("/feed.xml")), space.id()).expectStatus().isEqualTo(409);
    }

    @Test
    void aFailingSourceRecordsItsErrorWaitsLongerAndRecovers() {
        Caller alice = as("alice.martin").signedIn();
        Space space = Spaces.create(alice, "Failing " + run, "open");
        Object id = alice.post("/api/spaces/{id}/sources", Map.of("url", site.url("/feed.xml")), space.id())
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");

        mode.set("down");
        Map<?, ?> down = alice.post("/api/sources/{id}/poll", Map.of(), id).expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody();
        assertThat(down.get("lastError")).isEqualTo("the site answered 503");
        assertThat(down.get("failures")).isEqualTo(1);
        mode.set("broken");
        Map<?, ?> broken = alice.post("/api/sources/{id}/poll", Map.of(), id).expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody();
        assertThat((String) broken.get("lastError")).startsWith("the feed could not be read: ");
        assertThat(broken.get("failures")).isEqualTo(2);
        // Two failures: the next poll waits four intervals (30 min each), not one.
        assertThat(Instant.parse((String) broken.get("nextPollAt"))).isAfter(Instant.now().plus(Duration.ofMinutes(110)));

        mode.set("ok");
        alice.post("/api/sources/{id}/poll", Map.of(), id).expectStatus().isOk().expectBody()
                .jsonPath("$.lastError").doesNotExist().jsonPath("$.failures").isEqualTo(0);
    }

    @Test
    void membersPromoteOrDismissItemsAndOnlyTheRightPeopleMayDoWhat() {
        Caller alice = as("alice.martin").signedIn();
        Caller bruno = as("bruno.petit").signedIn();
        Caller chloe = as("chloe.bernard").signedIn();
        Space space = Spaces.create(alice, "Inbox " + run, "open");
        bruno.postEmpty("/api/spaces/{id}/join", space.id()).expectStatus().isNoContent();
        Space hidden = Spaces.create(alice, "Hidden inbox " + run, "private");

        bruno.post("/api/spaces/{id}/sources", Map.of("url", site.url("/feed.xml")), space.id()).expectStatus().isForbidden();
        alice.post("/api/spaces/{id}/sources", Map.of("url", "http://169.254.169.254/latest/meta-data/"), space.id())
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("url");
        alice.post("/api/spaces/{id}/sources", Map.of("url", site.url("/page.html")), space.id())
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].message").isEqualTo("not an RSS or Atom feed (text/html)");
        alice.post("/api/spaces/{id}/sources", Map.of("url", site.url("/feed.xml")), space.id()).expectStatus().isCreated();
        alice.post("/api/spaces/{id}/sources", Map.of("url", site.url("/feed.xml")), hidden.id()).expectStatus().isCreated();

        List<Map> inbox = bruno.get("/api/spaces/{id}/inbox", space.id()).expectStatus().isOk().expectBodyList(Map.class)
                .returnResult().getResponseBody();
        chloe.get("/api/spaces/{id}/inbox", space.id()).expectStatus().isForbidden();
        chloe.get("/api/spaces/{id}/inbox", hidden.id()).expectStatus().isNotFound();
        chloe.get("/api/spaces/{id}/sources", hidden.id()).expectStatus().isNotFound();
        chloe.post("/api/inbox/{id}/dismiss", Map.of(), inbox.getFirst().get("id")).expectStatus().isForbidden();

        Map<?, ?> promoted = bruno.post("/api/inbox/{id}/promote", Map.of("comment", "Read this", "tags", List.of("energy")),
                inbox.getFirst().get("id")).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(promoted.get("status")).isEqualTo("promoted");
        assertThat(promoted.get("postId")).isNotNull();
        bruno.get("/api/posts/{id}", promoted.get("postId")).expectStatus().isOk().expectBody()
                .jsonPath("$.article.title").value(title -> assertThat((String) title).startsWith("Story /news/" + run))
                .jsonPath("$.hashtags[0]").isEqualTo("energy");
        alice.post("/api/inbox/{id}/promote", Map.of(), inbox.getFirst().get("id")).expectStatus().isEqualTo(409);

        bruno.post("/api/inbox/{id}/dismiss", Map.of(), inbox.get(1).get("id")).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("dismissed");
        bruno.get("/api/spaces/{id}/inbox", space.id()).expectStatus().isOk().expectBodyList(Map.class).hasSize(0);
        assertThat(bruno.get("/api/spaces/{id}/inbox?status=dismissed", space.id()).expectBodyList(Map.class).returnResult()
                .getResponseBody()).hasSize(1);
        bruno.get("/api/spaces/{id}/inbox?status=maybe", space.id()).expectStatus().isBadRequest();
    }

    @Test
    void theSchedulerPollsEveryCorpusFeedAndAMalformedOneNeverStopsTheOthers() throws IOException {
        Caller alice = as("alice.martin").signedIn();
        Space space = Spaces.create(alice, "Corpus " + run, "open");
        Path corpus = Path.of("src/test/resources/testdata/feeds");
        List<Path> feeds;
        try (Stream<Path> files = Files.walk(corpus)) {
            feeds = files.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
        }
        for (Path feed : feeds) {
            String path = "/corpus/" + run + "/" + corpus.relativize(feed).toString().replace('\\', '/');
            byte[] bytes = Files.readAllBytes(feed);
            site.handle(path, exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
                exchange.sendResponseHeaders(200, bytes.length);
                try (var out = exchange.getResponseBody()) {
                    out.write(bytes);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            // Stored directly, due now: the point is what the scheduler does with each.
            db.sql("INSERT INTO watch_source (id, space_id, url, added_by) SELECT :id, :space, :url, id FROM person WHERE username = 'alice.martin'")
                    .bind("id", UUID.randomUUID()).bind("space", space.id()).bind("url", site.url(path)).fetch().rowsUpdated().block();
        }

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(alice.get("/api/spaces/{id}/sources", space.id())
                .expectBodyList(Map.class).returnResult().getResponseBody())
                .hasSize(feeds.size()).allSatisfy(source -> assertThat(source.get("lastPolledAt")).isNotNull()));
        List<Map> polled = alice.get("/api/spaces/{id}/sources", space.id()).expectBodyList(Map.class).returnResult().getResponseBody();
        assertThat(polled).allSatisfy(source -> {
            if (source.get("lastError") != null) {
                assertThat((String) source.get("lastError")).as((String) source.get("url")).startsWith("the feed could not be read: ");
            } else {
                assertThat(source.get("lastSuccessAt")).as((String) source.get("url")).isNotNull();
            }
        });
        assertThat(polled).filteredOn(source -> source.get("lastError") != null).isNotEmpty();
        assertThat(polled).filteredOn(source -> source.get("lastError") == null).hasSizeGreaterThan(feeds.size() / 2);
    }
}
