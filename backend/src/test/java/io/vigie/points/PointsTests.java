package io.vigie.points;

import io.vigie.spaces.Space;
import io.vigie.support.ApiTest;
import io.vigie.support.Engagements;
import io.vigie.support.Keycloak;
import io.vigie.support.Spaces;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Points come from the contributions themselves times the admins' rules, at each read: a deleted
 * post stops counting, a new rule applies to the past, private spaces earn nothing, and someone
 * who opts out leaves every leaderboard. Departments are ranked by points per person.
 */
class PointsTests extends ApiTest {

    @Autowired
    DatabaseClient db;

    @Test
    @SuppressWarnings("unchecked")
    void pointsFollowTheContributionsAndTheRulesWithNoCounterToDrift() {
        Caller alice = as("alice.martin").signedIn();
        Caller bruno = as("bruno.petit").signedIn();
        Caller chloe = as("chloe.bernard").signedIn();
        Caller emma = as("emma.dubois").signedIn();
        Space space = Spaces.create(alice, "Points " + UUID.randomUUID(), "open");
        bruno.postEmpty("/api/spaces/{id}/join", space.id()).expectStatus().isNoContent();
        chloe.postEmpty("/api/spaces/{id}/join", space.id()).expectStatus().isNoContent();
        Map<?, ?> before = achievements(alice, "alice.martin");

        String first = post(alice, space, "First of two");
        post(alice, space, "Second of two");
        String question = (String) bruno.post("/api/spaces/{id}/posts", Map.of("kind", "question", "title", "Who knows SAP?", "body", "Anyone?"),
                space.id()).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        String answer = (String) alice.post("/api/posts/{id}/comments", Map.of("body", "I do."), question).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        bruno.put("/api/posts/{id}/accepted-answer", Map.of("commentId", answer), question).expectStatus().isOk();
        Engagements seed = new Engagements(db);
        UUID aliceId = UUID.fromString(Keycloak.userId("alice.martin"));
        UUID share = seed.share(space.id(), seed.article("https://points.example.org/" + UUID.randomUUID(), "An article", List.of()),
                aliceId, Duration.ZERO, List.of());
        bruno.put("/api/posts/{id}/vote", Map.of("value", 1), share).expectStatus().isOk();
        chloe.put("/api/posts/{id}/vote", Map.of("value", 1), share).expectStatus().isOk();
        alice.put("/api/posts/{id}/vote", Map.of("value", 1), share).expectStatus().isOk();
        // Nothing in a private space counts.
        Space hidden = Spaces.create(alice, "Private points " + UUID.randomUUID(), "private");
        post(alice, hidden, "Unseen work");

        Map<?, ?> after = achievements(alice, "alice.martin");
        // Three posts (the share is one) × 2, an answer 3, an accepted answer 10, two upvotes from others × 1.
        assertThat(points(after) - points(before)).isEqualTo(21);
        Map<String, Number> was = (Map<String, Number>) before.get("contributions");
        Map<String, Number> now = (Map<String, Number>) after.get("contributions");
        assertThat(count(now, "post") - count(was, "post")).isEqualTo(3);
        assertThat(count(now, "share_upvote") - count(was, "share_upvote")).as("her own vote earns nothing").isEqualTo(2);
        assertThat((List<Map<?, ?>>) after.get("badges")).extracting(badge -> (Object) badge.get("id")).contains("first-post", "solver");
        assertThat(bruno.get("/api/people/alice.martin/achievements").expectStatus().isOk().expectBody(Map.class).returnResult()
                .getResponseBody().get("points")).as("a colleague sees the same").isEqualTo(after.get("points"));

        // A deleted post stops counting at once.
        alice.delete("/api/posts/{id}", first).expectStatus().isNoContent();
        assertThat(points(achievements(alice, "alice.martin"))).isEqualTo(points(after) - 2);

        // A new rule applies to every past post.
        long posts = count((Map<String, Number>) achievements(alice, "alice.martin").get("contributions"), "post");
        long atTwo = points(achievements(alice, "alice.martin"));
        try {
            List<Map> rules = emma.put("/api/admin/points", Map.of("rules", List.of(Map.of("kind", "post", "points", 5))))
                    .expectStatus().isOk().expectBodyList(Map.class).returnResult().getResponseBody();
            assertThat(rules).anySatisfy(rule -> assertThat(rule).containsEntry("kind", "post").containsEntry("points", 5));
            assertThat(points(achievements(alice, "alice.martin"))).isEqualTo(atTwo + 3 * posts);
        } finally {
            emma.put("/api/admin/points", Map.of("rules", List.of(Map.of("kind", "post", "points", 2)))).expectStatus().isOk();
        }

        // The all-time leaderboard agrees with the profile, and says where the reader stands.
        Map<?, ?> board = alice.get("/api/leaderboards?period=all").expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> me = (Map<?, ?>) board.get("me");
        assertThat(((Number) me.get("points")).longValue()).isEqualTo(atTwo);
        assertThat(((Number) me.get("rank")).intValue()).isPositive();
    }

    @Test
    @SuppressWarnings("unchecked")
    void departmentsRankByPointsPerPersonAndWhoOptsOutLeavesTheBoards() {
        Caller farid = as("farid.haddad").signedIn();
        Caller alice = as("alice.martin").signedIn();
        Space space = Spaces.create(farid, "Finance points " + UUID.randomUUID(), "open");
        post(farid, space, "Closing the quarter");
        try {
            // Within his department: the whole company's top 20 may be others (the suite writes a lot).
            assertThat(leaders(alice, "all", "Finance")).contains("farid.haddad");
            long financeBefore = people(alice, "Finance");

            farid.put("/api/me/leaderboard", Map.of("optOut", true)).expectStatus().isOk();
            assertThat(farid.get("/api/me/leaderboard").expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody())
                    .containsEntry("optOut", true);
            assertThat(leaders(alice, "all", "Finance")).doesNotContain("farid.haddad");
            assertThat(leaders(alice, "week", "Finance")).doesNotContain("farid.haddad");
            assertThat(people(alice, "Finance")).as("out of the department's size too").isEqualTo(financeBefore - 1);
            Map<?, ?> hiddenToOthers = alice.get("/api/people/farid.haddad/achievements").expectStatus().isOk().expectBody(Map.class)
                    .returnResult().getResponseBody();
            assertThat(hiddenToOthers.get("visible")).isEqualTo(false);
            assertThat(hiddenToOthers.get("points")).isNull();
            assertThat((List<?>) hiddenToOthers.get("badges")).isEmpty();
            assertThat(achievements(farid, "farid.haddad").get("visible")).as("still shown to himself").isEqualTo(true);
            Map<?, ?> board = farid.get("/api/leaderboards?period=all").expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            assertThat(((Map<?, ?>) board.get("me")).get("rank")).isNull();
        } finally {
            farid.put("/api/me/leaderboard", Map.of("optOut", false)).expectStatus().isOk();
        }

        // Departments by points per person, best first, each figure its points over its people.
        Map<?, ?> board = alice.get("/api/leaderboards?period=all").expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        List<Map<?, ?>> departments = (List<Map<?, ?>>) board.get("departments");
        assertThat(departments).isNotEmpty();
        BigDecimal previous = null;
        for (Map<?, ?> department : departments) {
            BigDecimal perPerson = new BigDecimal(department.get("perPerson").toString());
            long points = ((Number) department.get("points")).longValue();
            long people = ((Number) department.get("people")).longValue();
            assertThat(perPerson).isEqualByComparingTo(BigDecimal.valueOf(points).divide(BigDecimal.valueOf(people), 2, RoundingMode.HALF_UP));
            if (previous != null) {
                assertThat(perPerson).isLessThanOrEqualTo(previous);
            }
            previous = perPerson;
        }
        List<Map> finance = alice.get("/api/leaderboards?period=all&department=Finance").expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody().get("people") instanceof List<?> list ? (List<Map>) list : List.of();
        assertThat(finance).allSatisfy(leader -> assertThat(leader.get("department")).isEqualTo("Finance"));
    }

    @Test
    void badInputIsRefusedWithTheReason() {
        Caller alice = as("alice.martin").signedIn();
        Caller emma = as("emma.dubois").signedIn();
        alice.get("/api/leaderboards?period=year").expectStatus().isBadRequest();
        alice.put("/api/me/leaderboard", Map.of()).expectStatus().isBadRequest();
        alice.get("/api/people/nobody-{id}/achievements", UUID.randomUUID()).expectStatus().isNotFound();
        emma.put("/api/admin/points", Map.of("rules", List.of(Map.of("kind", "likes", "points", 1)))).expectStatus().isBadRequest();
        emma.put("/api/admin/points", Map.of("rules", List.of(Map.of("kind", "post", "points", 2000)))).expectStatus().isBadRequest();
        emma.put("/api/admin/points", Map.of("rules", List.of(Map.of("kind", "post")))).expectStatus().isBadRequest();
        emma.put("/api/admin/points", Map.of("rules", List.of())).expectStatus().isBadRequest();
        assertThat(emma.get("/api/admin/points").expectStatus().isOk().expectBodyList(Map.class).returnResult().getResponseBody())
                .extracting(rule -> (Object) rule.get("kind"))
                .containsExactly("post", "answer", "accepted_answer", "idea_selected", "share_upvote");
    }

    private static String post(Caller author, Space space, String text) {
        return (String) author.post("/api/spaces/{id}/posts", Map.of("body", text), space.id()).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    private static Map<?, ?> achievements(Caller reader, String username) {
        return reader.get("/api/people/{username}/achievements", username).expectStatus().isOk().expectBody(Map.class).returnResult()
                .getResponseBody();
    }

    private static long points(Map<?, ?> achievements) {
        return ((Number) achievements.get("points")).longValue();
    }

    private static long count(Map<String, Number> contributions, String kind) {
        Number n = contributions.get(kind);
        return n == null ? 0 : n.longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<String> leaders(Caller reader, String period, String department) {
        Map<?, ?> board = reader.get("/api/leaderboards?period={p}&department={d}", period, department).expectStatus().isOk().expectBody(Map.class).returnResult()
                .getResponseBody();
        return ((List<Map<?, ?>>) board.get("people")).stream().map(leader -> (String) leader.get("username")).toList();
    }

    @SuppressWarnings("unchecked")
    private static long people(Caller reader, String department) {
        Map<?, ?> board = reader.get("/api/leaderboards?period=all").expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((List<Map<?, ?>>) board.get("departments")).stream().filter(d -> department.equals(d.get("department")))
                .mapToLong(d -> ((Number) d.get("people")).longValue()).findFirst().orElse(0);
    }
}
