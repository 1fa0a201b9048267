package io.vigie.library;

import io.vigie.spaces.Space;
import io.vigie.support.ApiTest;
import io.vigie.support.Spaces;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inspiration library: moderators curate collections of posts; everyone browses and searches
 * them, seeing only the items they may read (counts included).
 */
class LibraryTests extends ApiTest {

    @Test
    void moderatorsCurateAndEachReaderSeesWhatTheyMayRead() {
        Caller alice = as("alice.martin").signedIn();
        Caller bruno = as("bruno.petit").signedIn();
        Caller emma = as("emma.dubois").signedIn();
        String run = UUID.randomUUID().toString().substring(0, 8);
        Space open = Spaces.create(alice, "Library " + run, "open");
        Space hidden = Spaces.create(emma, "Library private " + run, "private");
        String shared = (String) alice.post("/api/spaces/{id}/posts", Map.of("body", "A great onboarding idea " + run), open.id())
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        String secret = (String) emma.post("/api/spaces/{id}/posts", Map.of("body", "Board-only plan " + run), hidden.id())
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");

        alice.post("/api/library", Map.of("title", "Nope")).expectStatus().isForbidden();
        Map<?, ?> created = emma.post("/api/library", Map.of("title", "Expérience client " + run,
                        "description", "Ce que d'autres équipes ont essayé"))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String collection = (String) created.get("id");
        alice.post("/api/library/{id}/items", Map.of("postId", shared), collection).expectStatus().isForbidden();
        emma.post("/api/library/{id}/items", Map.of("postId", shared, "note", "Copy this at every arrival"), collection)
                .expectStatus().isNoContent();
        // Its author hears of it, once (a changed note is not news).
        emma.post("/api/library/{id}/items", Map.of("postId", shared, "note", "Copy this at every arrival, really"), collection)
                .expectStatus().isNoContent();
        Map<?, ?> inbox = alice.get("/api/notifications").expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<Map<?, ?>>) inbox.get("items")).filteredOn(n -> "library".equals(n.get("kind")) && shared.equals(n.get("postId")))
                .extracting(n -> (Object) n.get("detail")).containsExactly("Expérience client " + run);
        emma.post("/api/library/{id}/items", Map.of("postId", secret), collection).expectStatus().isNoContent();
        emma.post("/api/library/{id}/items", Map.of("postId", UUID.randomUUID()), collection).expectStatus().isNotFound();

        Map<?, ?> asBruno = bruno.get("/api/library/{id}", collection).expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody();
        List<Map<String, Object>> entries = (List<Map<String, Object>>) asBruno.get("entries");
        assertThat(entries).hasSize(1);
        assertThat(((Map<?, ?>) entries.getFirst().get("post")).get("id")).isEqualTo(shared);
        assertThat(entries.getFirst().get("note")).isEqualTo("Copy this at every arrival, really");
        assertThat(asBruno.get("items")).isEqualTo(1);
        assertThat(asBruno.toString()).doesNotContain("Board-only");
        Map<?, ?> asEmma = emma.get("/api/library/{id}", collection).expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody();
        assertThat((List<?>) asEmma.get("entries")).hasSize(2);

        // Searched by title and description, accents and case aside; counted as the reader may see.
        List<Map> found = bruno.get("/api/library?q={q}", "experience CLIENT " + run).expectStatus().isOk()
                .expectBodyList(Map.class).returnResult().getResponseBody();
        assertThat(found).extracting(c -> c.get("id")).containsExactly(collection);
        assertThat(found.getFirst().get("items")).isEqualTo(1);
        assertThat(bruno.get("/api/library?q={q}", "equipes " + run).expectStatus().isOk().expectBodyList(Map.class)
                .returnResult().getResponseBody()).hasSize(1);
        assertThat(bruno.get("/api/library?q={q}", "nothing-like-it " + run).expectStatus().isOk().expectBodyList(Map.class)
                .returnResult().getResponseBody()).isEmpty();

        // The search box finds the collection too, and forgets it once deleted (below).
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(searchIds(bruno, "experience client " + run)).contains(collection));

        emma.delete("/api/library/{id}/items/{post}", collection, shared).expectStatus().isNoContent();
        assertThat((List<?>) bruno.get("/api/library/{id}", collection).expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody().get("entries")).isEmpty();
        alice.delete("/api/library/{id}", collection).expectStatus().isForbidden();
        emma.delete("/api/library/{id}", collection).expectStatus().isNoContent();
        bruno.get("/api/library/{id}", collection).expectStatus().isNotFound();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(searchIds(bruno, "experience client " + run)).doesNotContain(collection));
        emma.post("/api/library", Map.of("title", " ")).expectStatus().isBadRequest();
    }

    @SuppressWarnings("unchecked")
    private static List<String> searchIds(Caller reader, String text) {
        Map<?, ?> page = reader.get("/api/search?type=collection&q={q}", text).expectStatus().isOk().expectBody(Map.class).returnResult()
                .getResponseBody();
        return ((List<Map<?, ?>>) page.get("items")).stream().map(item -> (String) item.get("id")).toList();
    }
}
