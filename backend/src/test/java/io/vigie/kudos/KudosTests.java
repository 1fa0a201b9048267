package io.vigie.kudos;

import io.vigie.spaces.Space;
import io.vigie.support.ApiTest;
import io.vigie.support.Spaces;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kudos: a post thanking a colleague with a company value, in feeds, search and the colleague's
 * profile (only what the reader may see), with a notification; admins edit the values.
 */
class KudosTests extends ApiTest {

    @Test
    void aColleagueIsThankedWithAValueAndSeesItOnTheirProfile() {
        Caller alice = as("alice.martin").signedIn();
        Caller bruno = as("bruno.petit").signedIn();
        Caller chloe = as("chloe.bernard").signedIn();
        Space open = Spaces.create(alice, "Kudos " + UUID.randomUUID(), "open");
        Space hidden = Spaces.create(alice, "Kudos hidden " + UUID.randomUUID(), "private");
        String word = "merci" + UUID.randomUUID().toString().substring(0, 8);

        Map<?, ?> given = alice.post("/api/spaces/{id}/posts", Map.of("body", "Thanks for the launch " + word, "kind", "kudos",
                        "kudosTo", "chloe.bernard", "value", "team-spirit"), open.id())
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(given.get("kind")).isEqualTo("kudos");
        Map<?, ?> kudos = (Map<?, ?>) given.get("kudos");
        assertThat(((Map<?, ?>) kudos.get("to")).get("username")).isEqualTo("chloe.bernard");
        assertThat(kudos.get("value")).isEqualTo("team-spirit");
        assertThat(kudos.get("valueLabel")).isEqualTo("Team spirit");
        String secret = (String) alice.post("/api/spaces/{id}/posts", Map.of("body", "Private thanks " + word, "kind", "kudos",
                        "kudosTo", "chloe.bernard", "value", "boldness"), hidden.id())
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");

        // Chloé hears of it.
        Map<?, ?> inbox = chloe.get("/api/notifications").expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<Map<?, ?>>) inbox.get("items")).anySatisfy(n -> {
            assertThat(n.get("kind")).isEqualTo("kudos");
            assertThat(n.get("postId")).isEqualTo(given.get("id"));
        });

        // Her profile, as Bruno sees it: the open kudos only; as Alice (member of the private space): both.
        Map<?, ?> seenByBruno = bruno.get("/api/people/chloe.bernard/kudos").expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody();
        assertThat(ids(seenByBruno.get("latest"))).contains((String) given.get("id")).doesNotContain(secret);
        assertThat(seenByBruno.toString()).doesNotContain("Private thanks " + word);
        Map<?, ?> seenByAlice = alice.get("/api/people/chloe.bernard/kudos").expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody();
        assertThat(ids(seenByAlice.get("latest"))).contains((String) given.get("id"), secret);
        assertThat((List<Map<?, ?>>) seenByAlice.get("values")).anySatisfy(v -> assertThat(v.get("value")).isEqualTo("boldness"));

        // In feeds and search, with the colleague's name.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Map<?, ?> feed = bruno.get("/api/spaces/{id}/posts", open.id()).expectStatus().isOk().expectBody(Map.class)
                    .returnResult().getResponseBody();
            List<Map<?, ?>> items = (List<Map<?, ?>>) feed.get("items");
            assertThat(items).hasSize(1);
            assertThat(((Map<?, ?>) items.getFirst().get("kudos")).get("valueLabel")).isEqualTo("Team spirit");
            Map<?, ?> found = bruno.get("/api/search?q={q}", word + " Bernard").expectStatus().isOk().expectBody(Map.class)
                    .returnResult().getResponseBody();
            assertThat(ids(found.get("items"))).contains((String) given.get("id")).doesNotContain(secret);
        });
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Object items) {
        return ((List<Map<String, Object>>) items).stream().map(item -> (String) item.get("id")).toList();
    }

    @Test
    void kudosNeedAColleagueAndAValue() {
        Caller alice = as("alice.martin").signedIn();
        Space space = Spaces.create(alice, "Kudos " + UUID.randomUUID(), "open");
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("body", "Thanks", "kind", "kudos", "value", "team-spirit"),
                Map.of("body", "Thanks", "kind", "kudos", "kudosTo", "chloe.bernard"),
                Map.of("body", "Thanks", "kind", "kudos", "kudosTo", "nobody.here", "value", "team-spirit"),
                Map.of("body", "Thanks", "kind", "kudos", "kudosTo", "chloe.bernard", "value", "not-a-value"),
                Map.of("body", "Thanks me", "kind", "kudos", "kudosTo", "alice.martin", "value", "team-spirit"),
                Map.of("body", "Just a post", "kudosTo", "chloe.bernard", "value", "team-spirit"))) {
            alice.post("/api/spaces/{id}/posts", body, space.id()).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").value(field -> assertThat((String) field).isIn("kudosTo", "value"));
        }
    }

    @Test
    void adminsEditTheValuesAndARetiredValueKeepsItsKudos() {
        Caller emma = as("emma.dubois").signedIn();
        Caller alice = as("alice.martin").signedIn();
        List<Map> before = emma.get("/api/admin/company-values").expectStatus().isOk().expectBodyList(Map.class)
                .returnResult().getResponseBody();
        Space space = Spaces.create(alice, "Kudos " + UUID.randomUUID(), "open");
        String extra = "v" + UUID.randomUUID().toString().substring(0, 8);
        try {
            List<Map<String, Object>> wanted = new java.util.ArrayList<>(before.stream().filter(v -> Boolean.FALSE.equals(v.get("retired")))
                    .map(v -> Map.<String, Object>of("id", v.get("id"), "label", v.get("label"), "description", v.get("description")))
                    .toList());
            wanted.add(Map.of("id", extra, "label", "Frugality", "description", "Spends as if it were their own."));
            alice.put("/api/admin/company-values", Map.of("values", wanted)).expectStatus().isForbidden();
            emma.put("/api/admin/company-values", Map.of("values", wanted)).expectStatus().isOk();
            assertThat(alice.get("/api/company-values").expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody())
                    .contains("Frugality");
            String post = (String) alice.post("/api/spaces/{id}/posts", Map.of("body", "Saved us a fortune", "kind", "kudos",
                            "kudosTo", "bruno.petit", "value", extra), space.id())
                    .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");

            // Retired: no longer offered nor accepted, while the kudos that carry it keep their badge.
            wanted.removeLast();
            emma.put("/api/admin/company-values", Map.of("values", wanted)).expectStatus().isOk();
            assertThat(alice.get("/api/company-values").expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody())
                    .doesNotContain("Frugality");
            alice.post("/api/spaces/{id}/posts", Map.of("body", "Again", "kind", "kudos", "kudosTo", "bruno.petit", "value", extra),
                    space.id()).expectStatus().isBadRequest();
            Map<?, ?> kept = alice.get("/api/posts/{id}", post).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            assertThat(((Map<?, ?>) kept.get("kudos")).get("valueLabel")).isEqualTo("Frugality");
            emma.put("/api/admin/company-values", Map.of("values", List.of(Map.of("id", "Bad Id", "label", "x"))))
                    .expectStatus().isBadRequest();
        } finally {
            emma.put("/api/admin/company-values", Map.of("values", before.stream().filter(v -> Boolean.FALSE.equals(v.get("retired")))
                    .map(v -> Map.of("id", v.get("id"), "label", v.get("label"), "description", v.get("description"))).toList()))
                    .expectStatus().isOk();
        }
    }
}
