package io.vigie.kpis;

import io.vigie.spaces.Space;
import io.vigie.support.ApiTest;
import io.vigie.support.Engagements;
import io.vigie.support.Keycloak;
import io.vigie.support.Spaces;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The KPIs move with what people do, by department, and only admins and department heads read
 * them: a head their own department only. Counts are compared before and after, since other
 * tests write too.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
class KpisTests extends ApiTest {

    @Autowired
    DatabaseClient db;

    @Test
    void theDashboardCountsWhatADepartmentDoesAndNothingPrivate() {
        Caller alice = as("alice.martin").signedIn();
        Caller bruno = as("bruno.petit").signedIn();
        Caller chloe = as("chloe.bernard").signedIn();
        Caller emma = as("emma.dubois").signedIn();
        // Yesterday to tomorrow: the test may cross midnight (UTC) and still compare like with like.
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String range = "from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
        Space open = Spaces.create(alice, "KPIs " + UUID.randomUUID(), "open");
        Space secret = Spaces.create(chloe, "KPIs secret " + UUID.randomUUID(), "private");
        chloe.postEmpty("/api/spaces/{id}/join", open.id()).expectStatus().isNoContent();
        bruno.postEmpty("/api/spaces/{id}/join", open.id()).expectStatus().isNoContent();
        Map before = rnd(emma, range);

        String post = post(chloe, open, Map.of("body", "R&D news"));
        String question = post(chloe, open, Map.of("kind", "question", "title", "Who knows Rust?", "body", "Anyone?"));
        post(chloe, secret, Map.of("body", "Nobody counts this"));
        bruno.post("/api/posts/{id}/comments", Map.of("body", "I do."), question).expectStatus().isCreated();
        chloe.post("/api/posts/{id}/comments", Map.of("body", "Thanks"), post).expectStatus().isCreated();
        chloe.put("/api/posts/{id}/vote", Map.of("value", 1), post).expectStatus().isOk();
        post(chloe, open, Map.of("kind", "idea", "title", "A Rust guild", "body", "Meet monthly",
                "idea", Map.of("problem", "Knowledge is scattered", "benefit", "Faster reviews")));

        Map after = rnd(emma, range);
        assertThat(after.get("department")).isEqualTo("R&D");
        Map was = sum((List<Map>) before.get("activity"));
        Map now = sum((List<Map>) after.get("activity"));
        assertThat(number(now, "posts") - number(was, "posts")).as("a post, a question, an idea; not the private post").isEqualTo(3);
        assertThat(number(now, "comments") - number(was, "comments")).as("Bruno is in Sales: only Chloé's comment").isEqualTo(1);
        assertThat(number(now, "votes") - number(was, "votes")).isEqualTo(1);
        assertThat(number((Map) after.get("questions"), "asked") - number((Map) before.get("questions"), "asked")).isEqualTo(1);
        assertThat(number((Map) after.get("questions"), "answered") - number((Map) before.get("questions"), "answered")).isEqualTo(1);
        assertThat(number((Map) after.get("ideas"), "submitted") - number((Map) before.get("ideas"), "submitted")).isEqualTo(1);
        assertThat((List<Map>) after.get("participation")).extracting(row -> row.get("department")).containsExactly("R&D");
        assertThat(number((Map) after.get("active"), "inRange")).isPositive();
        assertThat((List<Map>) ((Map) after.get("active")).get("days")).hasSize(3);

        // Trend engagement comes from the search index: a share of an article in the range shows up.
        Engagements seed = new Engagements(db);
        seed.share(open.id(), seed.article("https://kpis.example.org/" + UUID.randomUUID(), "Rust at scale", List.of("rust")),
                UUID.fromString(Keycloak.userId("chloe.bernard")), Duration.ZERO, List.of());
        long sharesBefore = number(sum((List<Map>) ((Map) before.get("trends")).get("days")), "shares");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(number(sum(
                (List<Map>) ((Map) rnd(emma, range).get("trends")).get("days")), "shares")).isGreaterThan(sharesBefore));

        // Each chart is a CSV file.
        String csv = emma.get("/api/kpis/activity.csv?" + range + "&department={department}", "R&D").expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv).startsWith("day,posts,comments,votes,shares\r\n").contains("\r\n\"" + today.minusDays(1) + "\",");
        assertThat(csv.split("\r\n")).hasSize(4);
        assertThat(emma.get("/api/kpis/participation.csv").expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody()).contains("\"R&D\",", "\"Sales\",");
        emma.get("/api/kpis/secrets.csv").expectStatus().isNotFound();
    }

    @Test
    void adminsReadEveryDepartmentHeadsTheirsAndNobodyElseAny() {
        Caller bruno = as("bruno.petit").signedIn();
        Caller david = as("david.leroy").signedIn();
        Caller farid = as("farid.haddad").signedIn();
        Caller emma = as("emma.dubois").signedIn();

        bruno.get("/api/kpis").expectStatus().isForbidden();
        david.get("/api/kpis").expectStatus().isForbidden();
        bruno.get("/api/kpis/activity.csv").expectStatus().isForbidden();
        api.get().uri("/api/kpis").exchange().expectStatus().isUnauthorized();

        Map whole = kpis(emma, "");
        assertThat((List<Map>) ((Map) whole.get("active")).get("days")).as("the last 30 days by default").hasSize(30);
        Map own = kpis(farid, "");
        assertThat(own.get("department")).as("a head reads their department by default").isEqualTo("Finance");
        assertThat((List<Map>) own.get("participation")).extracting(row -> row.get("department")).containsExactly("Finance");
        farid.get("/api/kpis?department=Sales").expectStatus().isForbidden();
        farid.get("/api/kpis/advocacy.csv?department=Sales").expectStatus().isForbidden();
        assertThat(kpis(emma, "").get("department")).isNull();

        emma.get("/api/kpis?from=yesterday").expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("from");
        emma.get("/api/kpis?from=2026-03-02&to=2026-03-01").expectStatus().isBadRequest();
        emma.get("/api/kpis?from=2020-01-01&to=2026-01-01").expectStatus().isBadRequest();
        Map week = kpis(emma, "?from=2026-11-01&to=2026-11-07");
        assertThat((List<Map>) week.get("activity")).extracting(row -> row.get("day"))
                .containsExactly("2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05", "2026-11-06", "2026-11-07");
        assertThat((List<Map>) ((Map) week.get("active")).get("weeks")).extracting(row -> row.get("start"))
                .as("weeks start on Monday").containsExactly("2026-10-26", "2026-11-02");
    }

    @Test
    void topContributorsLeaveOutWhoeverOptedOutOfLeaderboards() {
        Caller alice = as("alice.martin").signedIn();
        Caller emma = as("emma.dubois").signedIn();
        Space open = Spaces.create(alice, "KPIs top " + UUID.randomUUID(), "open");
        for (int i = 0; i < 12; i++) {
            post(alice, open, Map.of("body", "Busy day " + i));
        }
        assertThat(contributors(emma)).contains("alice.martin");
        try {
            alice.put("/api/me/leaderboard", Map.of("optOut", true)).expectStatus().isOk();
            assertThat(contributors(emma)).doesNotContain("alice.martin");
        } finally {
            alice.put("/api/me/leaderboard", Map.of("optOut", false)).expectStatus().isOk();
        }
    }

    @Test
    void advocacyIsCountedForTheSharersDepartmentAndOverTime() {
        Caller alice = as("alice.martin").signedIn();
        Caller bruno = as("bruno.petit").signedIn();
        Caller david = as("david.leroy").signedIn();
        Caller emma = as("emma.dubois").signedIn();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String range = "from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
        Space open = Spaces.create(alice, "KPIs advocacy " + UUID.randomUUID(), "open");
        String post = post(alice, open, Map.of("body", "Come and see us"));
        String item = (String) david.post("/api/advocacy", Map.of("postId", post, "targetUrl", "https://www.example.org/open-day"))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        Map before = kpis(emma, "?" + range + "&department=Sales");

        String code = (String) bruno.post("/api/advocacy/{id}/shares", Map.of("network", "x"), item).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("code");
        api.get().uri("/go/{code}", code).exchange().expectStatus().isFound();
        api.get().uri("/go/{code}", code).exchange().expectStatus().isFound();

        Map after = kpis(emma, "?" + range + "&department=Sales");
        Map<String, Long> was = sum((List<Map>) before.get("advocacyDays"));
        Map<String, Long> now = sum((List<Map>) after.get("advocacyDays"));
        assertThat(now.get("shares") - was.get("shares")).isEqualTo(1);
        assertThat(now.get("clicks") - was.get("clicks")).isEqualTo(2);
        assertThat(now.get("uniqueClicks") - was.get("uniqueClicks")).as("the same address twice in a day").isEqualTo(1);
        assertThat((List<Map>) after.get("advocacy")).singleElement().satisfies(row -> assertThat(row).containsEntry("department", "Sales"));
        assertThat(emma.get("/api/kpis/advocacy-days.csv?" + range).expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody()).startsWith("day,shares,clicks,unique_clicks\r\n");
    }

    private static List<Object> contributors(Caller admin) {
        return ((List<Map>) kpis(admin, "?department=Marketing").get("contributors")).stream().map(row -> row.get("username")).toList();
    }

    private static Map kpis(Caller reader, String query) {
        return reader.get("/api/kpis" + query).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private static String post(Caller author, Space space, Map<String, Object> body) {
        return (String) author.post("/api/spaces/{id}/posts", body, space.id()).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    /** R&D's dashboard over a range ({@code &} is encoded as the template's value). */
    private static Map rnd(Caller reader, String range) {
        return reader.get("/api/kpis?" + range + "&department={department}", "R&D").expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody();
    }

    /** The days' counts added up, key by key. */
    private static Map<String, Long> sum(List<Map> days) {
        Map<String, Long> total = new java.util.HashMap<>();
        for (Map day : days) {
            day.forEach((key, value) -> {
                if (value instanceof Number number) {
                    total.merge((String) key, number.longValue(), Long::sum);
                }
            });
        }
        return total;
    }

    private static long number(Map row, String key) {
        return ((Number) row.get(key)).longValue();
    }
}
