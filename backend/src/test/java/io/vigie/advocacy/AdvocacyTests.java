package io.vigie.advocacy;

import io.vigie.spaces.Space;
import io.vigie.support.ApiTest;
import io.vigie.support.Engagements;
import io.vigie.support.Keycloak;
import io.vigie.support.Spaces;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Advocacy against the real services: a moderator promotes an article to one department, a
 * colleague there shares it with a tracked link, an anonymous visitor's clicks are counted (first
 * of the day apart), and the link never leads anywhere but the item's target.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
class AdvocacyTests extends ApiTest {

    @Autowired
    DatabaseClient db;

    @Autowired
    TrackedLinks trackedLinks;

    @Autowired
    Visitors visitors;

    @Test
    void aModeratorPromotesAnArticleAndAColleaguesTrackedLinkCountsItsClicks() {
        Caller alice = as("alice.martin").signedIn();
        Caller bruno = as("bruno.petit").signedIn();
        Caller david = as("david.leroy").signedIn();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String url = "https://advocacy.example.org/launch-" + run;
        String title = "Our launch, told by the press " + run;
        UUID article = sharedArticle(alice, url, title);

        Map item = david.post("/api/advocacy", Map.of("articleId", article, "departments", List.of("Sales"),
                        "texts", Map.of("linkedin", "Proud of this launch", "x", "We launched!", "email", "Have a look at our launch.")))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String id = (String) item.get("id");
        assertThat(item.get("title")).isEqualTo(title);
        assertThat(item.get("targetUrl")).isEqualTo(url);

        assertThat(advocacyNotices(bruno, title)).as("the people it is for hear of it").hasSize(1);
        assertThat(advocacyNotices(alice, title)).isEmpty();
        assertThat(ids(feed(bruno))).as("Sales is targeted").contains(id);
        assertThat(ids(feed(alice))).as("Marketing is not").doesNotContain(id);
        alice.post("/api/advocacy/{id}/shares", Map.of("network", "linkedin"), id).expectStatus().isNotFound();

        Map linkedin = share(bruno, id, "linkedin");
        assertThat((String) linkedin.get("link")).matches("http://localhost:\\d+/go/[A-Za-z0-9]{10}");
        assertThat((String) linkedin.get("shareUrl"))
                .isEqualTo("https://www.linkedin.com/sharing/share-offsite/?url=" + Network.encode((String) linkedin.get("link")));
        assertThat(share(bruno, id, "linkedin").get("code")).as("sharing again reuses the link").isEqualTo(linkedin.get("code"));
        Map x = share(bruno, id, "x");
        assertThat(x.get("code")).isNotEqualTo(linkedin.get("code"));
        assertThat((String) x.get("shareUrl")).startsWith("https://x.com/intent/post?text=We%20launched%21&url=");

        // An outside visitor, no token: redirected to the article with the campaign's UTM parameters.
        URI target = follow((String) linkedin.get("code"), null);
        assertThat(target.toString()).startsWith(url + "?");
        assertThat(target.getQuery()).contains("utm_source=linkedin", "utm_medium=advocacy", "utm_content=sales",
                "utm_campaign=our-launch-told-by-the-press-" + run + "-" + id.substring(0, 8));
        follow((String) linkedin.get("code"), null);
        follow((String) x.get("code"), null);
        // A network fetching the page for its preview card, or a link checker's HEAD, is not a click.
        follow((String) x.get("code"), "LinkedInBot/1.0 (compatible; Mozilla/5.0)");
        api.head().uri("/go/{code}", x.get("code")).exchange().expectStatus().isFound();

        Map stats = david.get("/api/advocacy/{id}/stats", id).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat((Map<String, Object>) stats.get("total")).containsEntry("shares", 2).containsEntry("clicks", 3)
                .as("the same address twice on a link in a day is one unique click").containsEntry("uniqueClicks", 2);
        assertThat((List<Map>) stats.get("departments")).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("key", "Sales").containsEntry("clicks", 3));
        assertThat((List<Map>) stats.get("people")).extracting(row -> row.get("key")).containsExactly("bruno.petit");
        assertThat((List<Map>) stats.get("days")).singleElement().satisfies(day -> assertThat(day)
                .containsEntry("day", LocalDate.now(ZoneOffset.UTC).toString()).containsEntry("shares", 2).containsEntry("clicks", 3));

        Map mine = feed(bruno).stream().filter(i -> id.equals(i.get("id"))).findFirst().orElseThrow();
        assertThat((List<String>) mine.get("myNetworks")).containsExactlyInAnyOrder("linkedin", "x");
        assertThat(mine.get("myClicks")).isEqualTo(3);
        alice.get("/api/advocacy/{id}/stats", id).expectStatus().isNotFound();

        // Withdrawn: out of the feed, no new share, and the link says so instead of redirecting.
        bruno.delete("/api/advocacy/{id}", id).expectStatus().isForbidden();
        david.delete("/api/advocacy/{id}", id).expectStatus().isNoContent();
        assertThat(ids(feed(bruno))).doesNotContain(id);
        bruno.post("/api/advocacy/{id}/shares", Map.of("network", "email"), id).expectStatus().isNotFound();
        bruno.get("/api/advocacy/{id}/stats", id).expectStatus().isOk(); // a sharer keeps reading their figures
        api.get().uri("/go/{code}", linkedin.get("code")).exchange().expectStatus().isEqualTo(410)
                .expectHeader().doesNotExist(HttpHeaders.LOCATION);
        assertThat(ids(david.get("/api/advocacy?all=true").expectStatus().isOk().expectBody(List.class).returnResult()
                .getResponseBody())).as("moderators still see it").contains(id);
    }

    @Test
    void onlyModeratorsPromoteAndBadInputGetsAClearError() {
        Caller alice = as("alice.martin").signedIn();
        Caller bruno = as("bruno.petit").signedIn();
        Caller david = as("david.leroy").signedIn();
        UUID article = sharedArticle(alice, "https://advocacy.example.org/rules-" + UUID.randomUUID(), "Rules");
        Space open = Spaces.create(alice, "Advocacy open " + UUID.randomUUID(), "open");
        Space secret = Spaces.create(alice, "Advocacy secret " + UUID.randomUUID(), "private");
        String plain = postIn(alice, open, "A plain post with no link");
        String hidden = postIn(alice, secret, "A private post https://secret.example.org");
        UUID privateArticle = new Engagements(db).article("https://advocacy.example.org/private-" + UUID.randomUUID(), "Private", List.of());
        new Engagements(db).share(secret.id(), privateArticle, UUID.fromString(Keycloak.userId("alice.martin")), Duration.ZERO, List.of());

        bruno.post("/api/advocacy", Map.of("articleId", article)).expectStatus().isForbidden();
        api.get().uri("/api/advocacy").exchange().expectStatus().isUnauthorized();

        invalid(david, Map.of("articleId", article, "postId", plain), "articleId");
        invalid(david, Map.of(), "articleId");
        invalid(david, Map.of("articleId", article, "departments", List.of("Atlantis")), "departments");
        invalid(david, Map.of("articleId", article, "expiresAt", OffsetDateTime.now().minusDays(1).toString()), "expiresAt");
        invalid(david, Map.of("articleId", article, "texts", Map.of("x", "x".repeat(300))), "texts.x");
        invalid(david, Map.of("articleId", article, "texts", Map.of("myspace", "hello")), "network");
        invalid(david, Map.of("articleId", privateArticle), "articleId");
        invalid(david, Map.of("postId", hidden), "postId");
        invalid(david, Map.of("postId", plain), "targetUrl");
        invalid(david, Map.of("postId", plain, "targetUrl", "javascript:alert(1)"), "targetUrl");
        invalid(david, Map.of("postId", plain, "targetUrl", "https://user:pw@example.org/"), "targetUrl");
        david.post("/api/advocacy", Map.of("articleId", UUID.randomUUID())).expectStatus().isNotFound();

        Map item = david.post("/api/advocacy", Map.of("postId", plain, "targetUrl", "https://www.example.org/careers"))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(item.get("title")).isEqualTo("A plain post with no link");
        bruno.post("/api/advocacy/{id}/shares", Map.of("network", "myspace"), item.get("id")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("network");

        // A deleted post takes its item with it.
        alice.delete("/api/posts/{id}", plain).expectStatus().isNoContent();
        assertThat(ids(feed(bruno))).doesNotContain((String) item.get("id"));
    }

    /** No request can make a tracked link lead anywhere but its item's target. */
    @Test
    void aTrackedLinkIsNoOpenRedirect() {
        Caller alice = as("alice.martin").signedIn();
        Caller bruno = as("bruno.petit").signedIn();
        Caller david = as("david.leroy").signedIn();
        Space open = Spaces.create(alice, "Advocacy redirect " + UUID.randomUUID(), "open");
        String post = postIn(alice, open, "Join us");
        Map item = david.post("/api/advocacy", Map.of("postId", post,
                        "targetUrl", "https://jobs.example.org/offers?team=data&utm_source=old#apply"))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String code = (String) share(bruno, (String) item.get("id"), "email").get("code");

        URI expected = follow(code, null);
        assertThat(expected.getHost()).isEqualTo("jobs.example.org");
        assertThat(expected.getQuery()).as("an existing utm parameter is replaced, the others kept")
                .contains("team=data", "utm_source=email").doesNotContain("utm_source=old");
        assertThat(expected.getFragment()).isEqualTo("apply");

        // Parameters a redirector might read are ignored: the same target every time.
        for (String query : List.of("?url=https://evil.example", "?next=//evil.example", "?redirect=https%3A%2F%2Fevil.example",
                "?target=http://127.0.0.1/", "?utm_source=evil")) {
            EntityExchangeResult<byte[]> result = api.get().uri(raw("/go/" + code + query)).exchange()
                    .expectStatus().isFound().expectBody().returnResult();
            assertThat(result.getResponseHeaders().getLocation()).as(query).isEqualTo(expected);
        }
        // Paths that try to smuggle an address in where the code goes: never a redirect.
        List<String> paths = new ArrayList<>(List.of("/go/https:%2F%2Fevil.example", "/go//evil.example", "/go/%2F%2Fevil.example",
                "/go/%5Cevil.example", "/go/..%2F..%2Fevil.example", "/go/" + code + "%2F..%2F..%2Fevil.example",
                "/go/" + code + "/evil.example", "/go/" + code + "@evil.example", "/go/evil.example", "/go/" + code + "%00",
                "/go/" + code.substring(1) + "x" + "%0d%0aLocation:%20https://evil.example"));
        for (String path : paths) {
            EntityExchangeResult<byte[]> result = api.get().uri(raw(path)).exchange().expectBody().returnResult();
            URI location = result.getResponseHeaders().getLocation();
            assertThat(result.getStatus().is3xxRedirection() ? location : null).as(path).isNull();
            assertThat(result.getResponseHeaders().containsHeader("Location")).as(path).isFalse();
        }
    }

    @Test
    void clicksAreLimitedPerAddressAndVisitorHashesOutliveNoDay() {
        trackedLinks.forgetLimits(); // the other tests clicked from this address too
        try {
            int tooMany = 0;
            for (int i = 0; i < 70 && tooMany == 0; i++) {
                EntityExchangeResult<byte[]> result = api.get().uri("/go/zzzzzzzzzz").exchange().expectBody().returnResult();
                if (result.getStatus().value() == 429) {
                    tooMany = i + 1;
                    assertThat(result.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("60");
                } else {
                    assertThat(result.getStatus().value()).isEqualTo(404);
                }
            }
            assertThat(tooMany).as("the 61st request of the minute is refused").isEqualTo(61);
        } finally {
            trackedLinks.forgetLimits();
        }

        // Yesterday's salt and hashes go; today's stay (they still tell a first click from a second).
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String code = "sweep" + UUID.randomUUID().toString().substring(0, 5);
        db.sql("INSERT INTO advocacy_salt (day, salt) VALUES (:day, :salt) ON CONFLICT DO NOTHING")
                .bind("day", today.minusDays(1)).bind("salt", new byte[32]).fetch().rowsUpdated().block();
        for (LocalDate day : List.of(today.minusDays(1), today)) {
            db.sql("INSERT INTO advocacy_visitor (code, day, visitor) VALUES (:code, :day, :visitor)")
                    .bind("code", code).bind("day", day).bind("visitor", new byte[] {1, 2, 3}).fetch().rowsUpdated().block();
        }
        visitors.forgetPastDays().block();
        assertThat(db.sql("SELECT day FROM advocacy_visitor WHERE code = :code").bind("code", code)
                .map(row -> row.get("day", LocalDate.class)).all().collectList().block()).containsExactly(today);
        assertThat(db.sql("SELECT count(*) AS n FROM advocacy_salt WHERE day < :today").bind("today", today)
                .map(row -> row.get("n", Long.class)).one().block()).isZero();
    }

    // --- helpers

    private UUID sharedArticle(Caller sharer, String url, String title) {
        Space open = Spaces.create(sharer, "Advocacy " + UUID.randomUUID(), "open");
        Engagements seed = new Engagements(db);
        UUID article = seed.article(url, title, List.of());
        seed.share(open.id(), article, UUID.fromString(Keycloak.userId("alice.martin")), Duration.ZERO, List.of());
        return article;
    }

    private static String postIn(Caller author, Space space, String body) {
        return (String) author.post("/api/spaces/{id}/posts", Map.of("body", body), space.id()).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    /** The reader's advocacy notifications about an item, by its title. */
    private static List<Map> advocacyNotices(Caller reader, String title) {
        Map inbox = reader.get("/api/notifications").expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((List<Map>) inbox.get("items")).stream()
                .filter(n -> "advocacy".equals(n.get("kind")) && title.equals(n.get("detail"))).toList();
    }

    private static List<Map> feed(Caller reader) {
        return reader.get("/api/advocacy").expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
    }

    private static List<Object> ids(List<Map> items) {
        return items.stream().map(item -> item.get("id")).toList();
    }

    private static Map share(Caller sharer, String item, String network) {
        return sharer.post("/api/advocacy/{id}/shares", Map.of("network", network), item).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private static void invalid(Caller moderator, Map<String, Object> draft, String field) {
        Map<String, Object> body = new HashMap<>(draft);
        moderator.post("/api/advocacy", body).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
    }

    /** Clicks the tracked link with no session (as someone outside the company); answers where it leads. */
    private URI follow(String code, String userAgent) {
        EntityExchangeResult<byte[]> result = api.get().uri("/go/{code}", code)
                .headers(headers -> {
                    if (userAgent != null) {
                        headers.set(HttpHeaders.USER_AGENT, userAgent);
                    }
                })
                .exchange().expectStatus().isFound()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody().returnResult();
        return result.getResponseHeaders().getLocation();
    }
}
