package io.vigie.ideas;

import io.vigie.spaces.Space;
import io.vigie.support.ApiTest;
import io.vigie.support.Spaces;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The idea box: an idea is a post with a title, a problem, a proposal and a benefit; reviewers
 * (moderators, the space's owners, the challenge's sponsor) move it from submitted to done or
 * declined with a reason; every change reaches the author and the followers.
 */
class IdeasTests extends ApiTest {

    @Test
    void anIdeaMovesAlongItsLifecycleAndItsAuthorAndFollowersHearOfEveryChange() {
        Caller alice = as("alice.martin").signedIn();
        Caller bruno = as("bruno.petit").signedIn();
        Caller chloe = as("chloe.bernard").signedIn();
        Caller david = as("david.leroy").signedIn();
        Space space = Spaces.create(alice, "Ideas " + UUID.randomUUID(), "open");
        String word = "idee" + UUID.randomUUID().toString().substring(0, 8);
        Map<?, ?> idea = propose(alice, space, "Shared bikes between sites", "Lend bikes for the trips between our two sites.",
                "People drive 3 km between sites: " + word + " parking is full.", "Less parking, healthier people.", null);
        String id = (String) idea.get("id");
        assertThat(idea.get("kind")).isEqualTo("idea");
        assertThat(idea.get("title")).isEqualTo("Shared bikes between sites");
        Map<?, ?> shown = (Map<?, ?>) idea.get("idea");
        assertThat(shown.get("status")).isEqualTo("submitted");
        assertThat(shown.get("problem")).isEqualTo("People drive 3 km between sites: " + word + " parking is full.");
        assertThat(shown.get("next")).as("the space's owner reviews").isEqualTo(List.of("under_review", "selected", "declined"));
        assertThat(((Map<?, ?>) bruno.get("/api/posts/{id}", id).expectStatus().isOk().expectBody(Map.class).returnResult()
                .getResponseBody().get("idea")).get("next")).as("a colleague does not").isEqualTo(List.of());

        bruno.put("/api/ideas/{id}/follow", Map.of(), id).expectStatus().isNoContent();
        assertThat(((Map<?, ?>) bruno.get("/api/posts/{id}", id).expectStatus().isOk().expectBody(Map.class).returnResult()
                .getResponseBody().get("idea")).get("following")).isEqualTo(true);

        chloe.put("/api/ideas/{id}/status", Map.of("status", "under_review"), id).expectStatus().isForbidden();
        Map<?, ?> reviewed = david.put("/api/ideas/{id}/status", Map.of("status", "under_review"), id).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((Map<?, ?>) reviewed.get("idea")).get("status")).isEqualTo("under_review");
        david.put("/api/ideas/{id}/status", Map.of("status", "done"), id).expectStatus().isEqualTo(409);
        david.put("/api/ideas/{id}/status", Map.of("status", "declined"), id).expectStatus().isBadRequest();
        david.put("/api/ideas/{id}/status", Map.of("status", "shelved"), id).expectStatus().isBadRequest();
        Map<?, ?> declined = david.put("/api/ideas/{id}/status", Map.of("status", "declined", "reason", "The insurer refuses bikes."), id)
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((Map<?, ?>) declined.get("idea")).get("declineReason")).isEqualTo("The insurer refuses bikes.");

        for (Caller told : List.of(alice, bruno)) {
            assertThat(notifications(told)).as("the author and the follower")
                    .filteredOn(n -> "idea".equals(n.get("kind")) && id.equals(n.get("postId")))
                    .extracting(n -> (Object) n.get("detail")).containsExactlyInAnyOrder("under_review", "declined");
        }
        assertThat(notifications(chloe)).noneMatch(n -> id.equals(n.get("postId")));

        List<Map> history = alice.get("/api/ideas/{id}/history", id).expectStatus().isOk().expectBodyList(Map.class).returnResult().getResponseBody();
        assertThat(history).extracting(event -> event.get("status")).containsExactly("submitted", "under_review", "declined");
        assertThat(history.getLast().get("reason")).isEqualTo("The insurer refuses bikes.");

        // Listed by status and found by the words of its problem.
        assertThat(alice.get("/api/ideas?status=declined&space={space}", space.id()).expectStatus().isOk().expectBodyList(Map.class)
                .returnResult().getResponseBody()).extracting(summary -> summary.get("id")).containsExactly(id);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(searchIds(chloe, word)).contains(id));

        // A declined idea may be looked at again.
        david.put("/api/ideas/{id}/status", Map.of("status", "under_review"), id).expectStatus().isOk();
        bruno.delete("/api/ideas/{id}/follow", id).expectStatus().isNoContent();
        david.put("/api/ideas/{id}/status", Map.of("status", "selected"), id).expectStatus().isOk();
        assertThat(notifications(bruno)).filteredOn(n -> "selected".equals(n.get("detail")) && id.equals(n.get("postId")))
                .as("no longer following").isEmpty();
    }

    @Test
    void anIdeaNeedsATitleAProblemAndABenefit() {
        Caller alice = as("alice.martin").signedIn();
        Space space = Spaces.create(alice, "Ideas " + UUID.randomUUID(), "open");
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("body", "Proposal", "kind", "idea", "idea", Map.of("problem", "p", "benefit", "b")),
                Map.of("body", "Proposal", "kind", "idea", "title", "T", "idea", Map.of("benefit", "b")),
                Map.of("body", "Proposal", "kind", "idea", "title", "T", "idea", Map.of("problem", "p", "benefit", " ")),
                Map.of("body", "Proposal", "kind", "idea", "title", "T"),
                Map.of("body", "Proposal", "kind", "idea", "title", "T", "idea", Map.of("problem", "x".repeat(4001), "benefit", "b")),
                Map.of("body", "A post", "idea", Map.of("problem", "p", "benefit", "b")),
                Map.of("body", "To nowhere", "kind", "idea", "title", "T",
                        "idea", Map.of("problem", "p", "benefit", "b", "challengeId", UUID.randomUUID().toString())))) {
            alice.post("/api/spaces/{id}/posts", body, space.id()).expectStatus().isBadRequest();
        }
        alice.get("/api/ideas?status=shelved").expectStatus().isBadRequest();
        alice.get("/api/ideas?sort=random").expectStatus().isBadRequest();
        alice.put("/api/ideas/{id}/status", Map.of("status", "selected"), UUID.randomUUID()).expectStatus().isNotFound();
    }

    static Map<?, ?> propose(Caller author, Space space, String title, String proposal, String problem, String benefit, String challengeId) {
        Map<String, Object> idea = new java.util.HashMap<>(Map.of("problem", problem, "benefit", benefit));
        if (challengeId != null) {
            idea.put("challengeId", challengeId);
        }
        return author.post("/api/spaces/{id}/posts", Map.of("body", proposal, "kind", "idea", "title", title, "idea", idea), space.id())
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    }

    static Map<?, ?> challenge(Caller sponsor, Space space, String title, OffsetDateTime deadline, int winners, List<Map<String, Object>> criteria,
                               List<String> jury) {
        return sponsor.post("/api/spaces/{id}/posts", Map.of("body", "What would you change?", "kind", "challenge", "title", title,
                        "challenge", Map.of("deadline", deadline.toString(), "winners", winners, "criteria", criteria, "jury", jury)), space.id())
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    static List<Map<?, ?>> notifications(Caller person) {
        Map<?, ?> inbox = person.get("/api/notifications").expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return (List<Map<?, ?>>) inbox.get("items");
    }

    @SuppressWarnings("unchecked")
    static List<String> searchIds(Caller reader, String text) {
        Map<?, ?> page = reader.get("/api/search?q={q}", text).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((List<Map<?, ?>>) page.get("items")).stream().map(item -> (String) item.get("id")).toList();
    }
}
