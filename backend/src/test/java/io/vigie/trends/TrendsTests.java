package io.vigie.trends;

import io.vigie.spaces.Space;
import io.vigie.support.ApiTest;
import io.vigie.support.Engagements;
import io.vigie.support.Spaces;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Trends against the real stack: a burst of distinct people rises while a steady article does
 * not; counts stay inside what the reader may see; company-wide needs a moderator (or a trusted
 * site); topics come from the themes. Data is written into PostgreSQL at chosen instants, and
 * reaches Elasticsearch through the real outbox and indexer.
 */
class TrendsTests extends ApiTest {

    @Autowired
    DatabaseClient db;

    private Engagements seed;
    private String run;

    @BeforeEach
    void seed() {
        seed = new Engagements(db);
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aBurstOfDistinctPeopleRisesWithItsReasonWhileASteadyArticleDoesNot() {
        Caller alice = as("alice.martin").signedIn();
        Space space = Spaces.create(alice, "Trends " + run, "open");
        List<UUID> people = seed.people(9, 4);

        // The burst: shared an hour ago, six people up-vote it within three hours.
        UUID burst = seed.article("https://news.example.org/burst-" + run, "Burst " + run, List.of("hydrogen" + run));
        UUID burstShare = seed.share(space.id(), burst, people.get(0), Duration.ofHours(3), List.of("energy" + run));
        for (int i = 1; i <= 5; i++) {
            seed.upvote(burstShare, people.get(i), Duration.ofMinutes(20L * i));
        }
        // The steady one: one person a day for a week, then two today: nothing unusual.
        UUID steady = seed.article("https://news.example.org/steady-" + run, "Steady " + run, List.of("routine" + run));
        UUID steadyShare = seed.share(space.id(), steady, people.get(0), Duration.ofDays(8), List.of());
        for (int day = 1; day <= 7; day++) {
            seed.upvote(steadyShare, people.get(day % 9 == 0 ? 1 : day % 9), Duration.ofDays(day).plusHours(12));
        }

        await().untilAsserted(() -> {
            List<Map<String, Object>> rising = trends(alice, "rising", space.id());
            assertThat(titles(rising)).containsExactly("Burst " + run);
            Map<?, ?> reason = (Map<?, ?>) rising.getFirst().get("reason");
            assertThat(reason.get("people")).isEqualTo(6);
            assertThat(reason.get("departments")).isEqualTo(4);
            assertThat(reason.get("text")).isEqualTo("6 people from 4 departments in the last 6 hours");
            assertThat((List<?>) rising.getFirst().get("curve")).isNotEmpty();
        });

        // Top over the week counts distinct people: the burst (6) before the steady one (7 people, but over 8 days: 6 in the week).
        // (Awaited: the steady article's votes were written after the burst and may still be on their way to the index.)
        await().untilAsserted(() -> assertThat(titles(trends(alice, "top", space.id()))).contains("Burst " + run, "Steady " + run));
        assertThat(titles(trends(alice, "new", space.id()))).first().isEqualTo("Burst " + run);

        // Themes: the burst's tag and keyword rise.
        await().untilAsserted(() -> {
            List<?> rising = (List<?>) alice.get("/api/trends/topics?space={id}", space.id()).expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody().get("rising");
            List<Object> topics = rising.stream().map(t -> ((Map<?, ?>) t).get("topic")).map(Object.class::cast).toList();
            assertThat(topics).contains("energy" + run, "hydrogen" + run).doesNotContain("routine" + run);
        });
        Map<?, ?> topic = alice.get("/api/trends/topics/{topic}?space={id}", "hydrogen" + run, space.id()).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((Map<?, ?>) ((Map<?, ?>) ((List<?>) topic.get("articles")).getFirst()).get("article")).get("title")).isEqualTo("Burst " + run);
        // Six people, each once, within three hours: one day's point holds them all, or, when the
        // burst straddles midnight (UTC), the last two days' points share them.
        List<?> curve = (List<?>) topic.get("curve");
        assertThat(curve).as(topic.toString()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(curve.subList(curve.size() - 2, curve.size()).stream().mapToInt(point -> ((Number) ((Map<?, ?>) point).get("people")).intValue())
                .sum()).as(topic.toString()).isEqualTo(6);
    }

    @Test
    void companyWideTrendsWaitForAModeratorOrATrustedSite() {
        Caller alice = as("alice.martin").signedIn();
        Caller david = as("david.leroy").signedIn();   // moderator
        Space space = Spaces.create(alice, "Company trends " + run, "open");
        List<UUID> people = seed.people(5, 3);
        UUID reviewed = seed.article("https://review.example.org/a-" + run, "Reviewed " + run, List.of());
        UUID trusted = seed.article("https://trusted-" + run + ".example.org/b", "Trusted " + run, List.of());
        for (UUID article : List.of(reviewed, trusted)) {
            UUID share = seed.share(space.id(), article, people.get(0), Duration.ofHours(2), List.of());
            people.subList(1, 5).forEach(person -> seed.upvote(share, person, Duration.ofHours(1)));
        }

        await().untilAsserted(() -> assertThat(trends(alice, "rising", space.id())).hasSizeGreaterThanOrEqualTo(2));
        assertThat(titles(trends(alice, "rising", null))).doesNotContain("Reviewed " + run, "Trusted " + run);
        assertThat(david.get("/api/trends/review").expectStatus().isOk().expectBodyList(Map.class).returnResult().getResponseBody())
                .extracting(c -> article((Map<String, Object>) c.get("trend")).get("title")).contains("Reviewed " + run, "Trusted " + run);
        alice.get("/api/trends/review").expectStatus().isForbidden();
        alice.put("/api/trends/review/{id}", Map.of("approved", true), reviewed).expectStatus().isForbidden();

        david.put("/api/trends/review/{id}", Map.of("approved", true), reviewed).expectStatus().isNoContent();
        david.post("/api/trends/trusted-sites", Map.of("host", "Trusted-" + run + ".example.org")).expectStatus().isNoContent();
        david.post("/api/trends/trusted-sites", Map.of("host", "not a host")).expectStatus().isBadRequest();
        assertThat(titles(trends(alice, "rising", null))).contains("Reviewed " + run, "Trusted " + run);
        assertThat(david.get("/api/trends/review").expectBodyList(Map.class).returnResult().getResponseBody())
                .extracting(c -> article((Map<String, Object>) c.get("trend")).get("title")).doesNotContain("Reviewed " + run, "Trusted " + run);

        david.put("/api/trends/review/{id}", Map.of("approved", false), reviewed).expectStatus().isNoContent();
        assertThat(titles(trends(alice, "rising", null))).doesNotContain("Reviewed " + run).contains("Trusted " + run);
        david.delete("/api/trends/trusted-sites/{host}", "trusted-" + run + ".example.org").expectStatus().isNoContent();
    }

    @Test
    void aPrivateSpacesActivityNeverTrendsNorCountsForOutsiders() {
        Caller alice = as("alice.martin").signedIn();
        Caller bruno = as("bruno.petit").signedIn();
        Space open = Spaces.create(alice, "Open trends " + run, "open");
        Space hidden = Spaces.create(alice, "Hidden trends " + run, "private");
        List<UUID> people = seed.people(8, 4);
        UUID article = seed.article("https://secret.example.org/" + run, "Shared both ways " + run, List.of("secret" + run));
        // Three people in the open space, five more in the private one.
        UUID openShare = seed.share(open.id(), article, people.get(0), Duration.ofHours(2), List.of());
        people.subList(1, 3).forEach(p -> seed.upvote(openShare, p, Duration.ofHours(1)));
        UUID hiddenShare = seed.share(hidden.id(), article, people.get(3), Duration.ofHours(2), List.of("confidential" + run));
        people.subList(4, 8).forEach(p -> seed.upvote(hiddenShare, p, Duration.ofHours(1)));

        await().untilAsserted(() -> assertThat(people(trends(alice, "rising", hidden.id()))).containsExactly(5));
        assertThat(people(trends(bruno, "rising", open.id()))).containsExactly(3);
        bruno.get("/api/trends?space={id}", hidden.id()).expectStatus().isNotFound();
        bruno.get("/api/trends/topics?space={id}", hidden.id()).expectStatus().isNotFound();
        String bodies = bruno.get("/api/trends/topics").expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody()
                + bruno.get("/api/trends?tab=top").expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(bodies).doesNotContain("confidential" + run);
        // The private theme asked by name: no article, and a curve of zeros.
        Map<?, ?> topic = bruno.get("/api/trends/topics/{t}", "confidential" + run).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<?>) topic.get("articles")).isEmpty();
        assertThat((List<?>) topic.get("curve")).allSatisfy(point -> assertThat(((Map<?, ?>) point).get("people")).isEqualTo(0));
        bruno.get("/api/trends/topics/{t}?space={id}", "confidential" + run, open.id()).expectStatus().isOk().expectBody()
                .jsonPath("$.articles").isEmpty();
    }

    @Test
    void ownersSetTheirSpacesHalfLifeAndBadRequestsGetClearErrors() {
        Caller alice = as("alice.martin").signedIn();
        Caller bruno = as("bruno.petit").signedIn();
        Space space = Spaces.create(alice, "Settings " + run, "open");
        alice.put("/api/spaces/{id}/trend-settings", Map.of("halfLifeHours", 24), space.id()).expectStatus().isNoContent();
        alice.put("/api/spaces/{id}/trend-settings", Map.of("halfLifeHours", 0), space.id()).expectStatus().isBadRequest();
        bruno.put("/api/spaces/{id}/trend-settings", Map.of("halfLifeHours", 24), space.id()).expectStatus().isForbidden();
        alice.get("/api/trends?tab=sideways").expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("tab");
        alice.get("/api/trends?tab=top&period=decade").expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("period");
    }

    @Test
    void aSpacesWeeklyDigestIsAPageAndAPersonalAtomFeedThatFollowsItsReadersRights() {
        Caller alice = as("alice.martin").signedIn();
        Caller bruno = as("bruno.petit").signedIn();
        Space space = Spaces.create(alice, "Digest " + run, "private");
        alice.post("/api/spaces/{id}/invitations", Map.of("username", "bruno.petit"), space.id()).expectStatus().is2xxSuccessful();
        bruno.postEmpty("/api/spaces/{id}/invitations/accept", space.id()).expectStatus().is2xxSuccessful();
        List<UUID> people = seed.people(4, 2);
        UUID weekly = seed.article("https://digest.example.org/" + run, "Weekly <pick> " + run, List.of());
        UUID share = seed.share(space.id(), weekly, people.get(0), Duration.ofDays(3), List.of());
        people.subList(1, 4).forEach(p -> seed.upvote(share, p, Duration.ofDays(2)));
        UUID old = seed.article("https://digest.example.org/old-" + run, "Last month " + run, List.of());
        seed.share(space.id(), old, people.get(0), Duration.ofDays(20), List.of());

        await().untilAsserted(() -> alice.get("/api/spaces/{id}/digest", space.id()).expectStatus().isOk().expectBody()
                .jsonPath("$.articles.length()").isEqualTo(1)
                .jsonPath("$.articles[0].article.title").isEqualTo("Weekly <pick> " + run)
                .jsonPath("$.articles[0].reason.people").isEqualTo(4));
        alice.get("/api/spaces/{id}/digest?weeksAgo=2", space.id()).expectStatus().isOk().expectBody()
                .jsonPath("$.articles[0].article.title").isEqualTo("Last month " + run);
        alice.get("/api/spaces/{id}/digest?weeksAgo=-1", space.id()).expectStatus().isBadRequest();

        String path = (String) bruno.post("/api/spaces/{id}/digest/feed", Map.of(), space.id()).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("path");
        assertThat(bruno.post("/api/spaces/{id}/digest/feed", Map.of(), space.id()).expectBody(Map.class).returnResult()
                .getResponseBody().get("path")).isEqualTo(path);
        String atom = api.get().uri(path).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("application/atom+xml")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(atom).contains("<feed").contains("Weekly &lt;pick&gt; " + run).contains("https://digest.example.org/" + run)
                .contains("4 people from 2 departments");

        // Bruno leaves the private space: his feed address now shows nothing, like an unknown one.
        bruno.delete("/api/spaces/{id}/membership", space.id()).expectStatus().is2xxSuccessful();
        api.get().uri(path).exchange().expectStatus().isNotFound();
        api.get().uri("/feeds/digest/not-a-token.atom").exchange().expectStatus().isNotFound();
        alice.delete("/api/spaces/{id}/digest/feed", space.id()).expectStatus().isNoContent();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> trends(Caller caller, String tab, UUID space) {
        List<Map<String, Object>> body = (List<Map<String, Object>>) (List<?>) (space == null
                ? caller.get("/api/trends?tab={tab}", tab)
                : caller.get("/api/trends?tab={tab}&space={space}", tab, space))
                .expectStatus().isOk().expectBodyList(Map.class).returnResult().getResponseBody();
        return body;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> article(Map<String, Object> trend) {
        return (Map<String, Object>) trend.get("article");
    }

    private static List<Object> people(List<Map<String, Object>> trends) {
        return trends.stream().map(t -> ((Map<?, ?>) t.get("reason")).get("people")).map(Object.class::cast).toList();
    }

    private static List<Object> titles(List<Map<String, Object>> trends) {
        return trends.stream().map(t -> article(t).get("title")).toList();
    }
}
