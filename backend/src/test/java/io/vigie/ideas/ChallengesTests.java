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

import static io.vigie.ideas.IdeasTests.challenge;
import static io.vigie.ideas.IdeasTests.notifications;
import static io.vigie.ideas.IdeasTests.propose;
import static io.vigie.ideas.IdeasTests.searchIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Challenges: a sponsor opens one with a deadline, weighted criteria and a jury; ideas are
 * submitted to it; jurors score privately; at close the ranking is computed and the winners
 * announced in the feed. Jury scores reach only the jury and the sponsor, through every path.
 */
class ChallengesTests extends ApiTest {

    @Test
    @SuppressWarnings("unchecked")
    void theJuryScoresPrivatelyAndTheCloseRanksByWeightedMeansAndAnnouncesTheWinner() {
        Caller alice = as("alice.martin").signedIn();
        Caller bruno = as("bruno.petit").signedIn();
        Caller chloe = as("chloe.bernard").signedIn();
        Caller david = as("david.leroy").signedIn();
        Caller emma = as("emma.dubois").signedIn();
        Caller farid = as("farid.haddad").signedIn();
        Space space = Spaces.create(alice, "Shark tank " + UUID.randomUUID(), "open");
        for (Caller member : List.of(david, farid, chloe)) {
            member.postEmpty("/api/spaces/{id}/join", space.id()).expectStatus().isNoContent();
        }
        farid.post("/api/spaces/{id}/posts", Map.of("body", "?", "kind", "challenge", "title", "Not mine to open",
                "challenge", Map.of("deadline", OffsetDateTime.now().plusDays(1).toString(), "criteria", List.of(Map.of("label", "Impact")),
                        "jury", List.of("bruno.petit"))), space.id()).expectStatus().isForbidden();
        Map<?, ?> opened = challenge(alice, space, "Cut our paper use", OffsetDateTime.now().plusDays(7), 1,
                List.of(Map.of("label", "Impact", "weight", 3), Map.of("label", "Cost", "weight", 1)), List.of("bruno.petit", "@chloe.bernard"));
        String id = (String) opened.get("id");
        Map<?, ?> view = (Map<?, ?>) opened.get("challenge");
        assertThat(new java.util.HashSet<Object>(view.keySet())).as("a challenge shows no score").containsExactlyInAnyOrder("deadline", "closed", "winners", "criteria",
                "jury", "ideas", "sponsor", "juror");
        List<Map<?, ?>> criteria = (List<Map<?, ?>>) view.get("criteria");
        String impact = (String) criteria.get(0).get("id");
        String cost = (String) criteria.get(1).get("id");
        assertThat(notifications(bruno)).anyMatch(n -> "jury".equals(n.get("kind")) && id.equals(n.get("postId")));

        String printing = (String) propose(david, space, "Print on demand", "Printers release jobs at the badge.", "Forgotten prints",
                "A third less paper", id).get("id");
        String signatures = (String) propose(farid, space, "Electronic signatures", "Sign contracts online.", "Contracts printed to sign",
                "No paper contracts", id).get("id");
        String chloes = (String) propose(chloe, space, "Reuse envelopes", "Keep internal envelopes.", "Envelopes thrown away",
                "Fewer envelopes", id).get("id");

        score(bruno, id, printing, Map.of(impact, 8, cost, 4)).expectStatus().isNoContent();
        score(bruno, id, signatures, Map.of(impact, 5, cost, 10)).expectStatus().isNoContent();
        score(chloe, id, printing, Map.of(impact, 6, cost, 6)).expectStatus().isNoContent();
        score(chloe, id, signatures, Map.of(impact, 7, cost, 9)).expectStatus().isNoContent();
        score(chloe, id, chloes, Map.of(impact, 10, cost, 10)).expectStatus().isForbidden();
        score(david, id, signatures, Map.of(impact, 1, cost, 1)).expectStatus().isForbidden();
        score(bruno, id, printing, Map.of(impact, 11)).expectStatus().isBadRequest();
        score(bruno, id, printing, Map.of(UUID.randomUUID().toString(), 5)).expectStatus().isBadRequest();
        score(bruno, id, UUID.randomUUID().toString(), Map.of(impact, 5)).expectStatus().isNotFound();

        // While open, each juror sees only their own scores; the sponsor sees all; nobody else any.
        assertThat(scores(bruno, id)).hasSize(4).allMatch(s -> "bruno.petit".equals(((Map<?, ?>) s.get("juror")).get("username")));
        assertThat(scores(chloe, id)).hasSize(4).allMatch(s -> "chloe.bernard".equals(((Map<?, ?>) s.get("juror")).get("username")));
        assertThat(scores(alice, id)).hasSize(8);
        for (Caller outsider : List.of(david, farid, emma)) {
            outsider.get("/api/challenges/{id}/scores", id).expectStatus().isForbidden();
        }
        // No other path carries them: the challenge's page, its post, the feed, search.
        Map<?, ?> page = detail(david, id);
        assertThat((List<?>) page.get("ranking")).isEmpty();
        assertThat((List<Map<?, ?>>) page.get("ideas")).extracting(idea -> (Object) idea.get("id")).containsExactlyInAnyOrder(printing, signatures, chloes);
        String everything = david.get("/api/challenges/{id}", id).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody()
                + david.get("/api/spaces/{id}/posts", space.id()).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody()
                + david.get("/api/ideas?challenge={id}", id).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(everything).doesNotContain("\"score\":8", "\"total\"", "juror\":{");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(searchIds(david, "paper")).contains(id));

        // Only the sponsor (or a moderator) closes it early.
        farid.postEmpty("/api/challenges/{id}/close", id).expectStatus().isForbidden();
        Map<?, ?> closed = alice.postEmpty("/api/challenges/{id}/close", id).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        // Printing: (3×7 + 1×5) / 4 = 6.5; signatures: (3×6 + 1×9.5) / 4 = 6.875; the unscored idea last.
        List<Map<?, ?>> ranking = (List<Map<?, ?>>) closed.get("ranking");
        assertThat(ranking).extracting(place -> (Object) place.get("ideaId")).containsExactly(signatures, printing, chloes);
        assertThat(ranking).extracting(place -> (Object) place.get("winner")).containsExactly(true, false, false);
        assertThat(ranking).extracting(place -> (Object) ((Number) place.get("total")).doubleValue()).containsExactly(6.875, 6.5, 0.0);
        List<Map<?, ?>> publicRanking = (List<Map<?, ?>>) detail(farid, id).get("ranking");
        assertThat(publicRanking).extracting(place -> (Object) place.get("ideaId")).containsExactly(signatures, printing, chloes);
        assertThat(publicRanking).allMatch(place -> place.get("total") == null);
        alice.postEmpty("/api/challenges/{id}/close", id).expectStatus().isEqualTo(409);

        // The winner is selected, its author told; the winners are announced in the space's feed.
        Map<?, ?> winner = farid.get("/api/posts/{id}", signatures).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((Map<?, ?>) winner.get("idea")).get("status")).isEqualTo("selected");
        assertThat(notifications(farid)).anyMatch(n -> "idea".equals(n.get("kind")) && signatures.equals(n.get("postId"))
                && "selected".equals(n.get("detail")));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String feed = farid.get("/api/spaces/{id}/posts", space.id()).expectStatus().isOk().expectBody(String.class).returnResult()
                    .getResponseBody();
            assertThat(feed).contains("Electronic signatures", "/posts/" + signatures);
        });

        // After close the scores are final, and the whole jury sees them all.
        score(bruno, id, printing, Map.of(impact, 1)).expectStatus().isEqualTo(409);
        assertThat(scores(bruno, id)).hasSize(8);
        david.post("/api/spaces/{id}/posts", Map.of("body", "Late", "kind", "idea", "title", "Late",
                "idea", Map.of("problem", "p", "benefit", "b", "challengeId", id)), space.id()).expectStatus().isEqualTo(409);
        assertThat(alice.get("/api/challenges?state=closed").expectStatus().isOk().expectBodyList(Map.class).returnResult().getResponseBody())
                .extracting(c -> c.get("id")).contains(id);
    }

    @Test
    void aChallengeClosesByItselfAtItsDeadlineOnce() {
        Caller alice = as("alice.martin").signedIn();
        Caller bruno = as("bruno.petit").signedIn();
        Space space = Spaces.create(alice, "Quick challenge " + UUID.randomUUID(), "open");
        bruno.postEmpty("/api/spaces/{id}/join", space.id()).expectStatus().isNoContent();
        Map<?, ?> opened = challenge(alice, space, "Name the new cafeteria", OffsetDateTime.now().plusSeconds(4), 1,
                List.of(Map.of("label", "Fun", "weight", 1)), List.of("alice.martin"));
        String id = (String) opened.get("id");
        String criterion = (String) ((List<Map<?, ?>>) ((Map<?, ?>) opened.get("challenge")).get("criteria")).getFirst().get("id");
        String idea = (String) propose(bruno, space, "Le Phare", "Call it Le Phare.", "It has no name", "People find it", id).get("id");
        score(alice, id, idea, Map.of(criterion, 9)).expectStatus().isNoContent();
        assertThat(alice.get("/api/challenges").expectStatus().isOk().expectBodyList(Map.class).returnResult().getResponseBody())
                .extracting(c -> c.get("id")).contains(id);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat((List<?>) detail(bruno, id).get("ranking")).hasSize(1));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String feed = bruno.get("/api/spaces/{id}/posts", space.id()).expectStatus().isOk().expectBody(String.class).returnResult()
                    .getResponseBody();
            assertThat(feed.split("/posts/" + idea, -1)).as("announced once").hasSize(2);
        });
        assertThat(((Map<?, ?>) bruno.get("/api/posts/{id}", id).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody()
                .get("challenge")).get("closed")).isEqualTo(true);
    }

    @Test
    void aPrivateSpacesChallengeReachesNoOutsider() {
        Caller alice = as("alice.martin").signedIn();
        Caller bruno = as("bruno.petit").signedIn();
        Space hidden = Spaces.create(alice, "Secret tank " + UUID.randomUUID(), "private");
        String word = "secret" + UUID.randomUUID().toString().substring(0, 8);
        bruno.post("/api/spaces/{id}/posts", Map.of("body", "?", "kind", "challenge", "title", "x"), hidden.id()).expectStatus().isBadRequest();
        alice.post("/api/spaces/{id}/posts", Map.of("body", "?", "kind", "challenge", "title", "Jury outside",
                "challenge", Map.of("deadline", OffsetDateTime.now().plusDays(1).toString(), "criteria", List.of(Map.of("label", "Impact")),
                        "jury", List.of("bruno.petit"))), hidden.id()).expectStatus().isBadRequest();
        String id = (String) challenge(alice, hidden, "Merger " + word, OffsetDateTime.now().plusDays(3), 2,
                List.of(Map.of("label", "Impact", "weight", 1)), List.of("alice.martin")).get("id");
        String idea = (String) propose(alice, hidden, "Idea " + word, "p", "p", "b", id).get("id");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(searchIds(alice, word)).contains(id, idea));

        assertThat(searchIds(bruno, word)).isEmpty();
        assertThat(bruno.get("/api/challenges").expectStatus().isOk().expectBodyList(Map.class).returnResult().getResponseBody())
                .extracting(c -> c.get("id")).doesNotContain(id);
        assertThat(bruno.get("/api/ideas?challenge={id}", id).expectStatus().isOk().expectBodyList(Map.class).returnResult().getResponseBody())
                .isEmpty();
        bruno.get("/api/challenges/{id}", id).expectStatus().isNotFound();
        bruno.get("/api/challenges/{id}/scores", id).expectStatus().isNotFound();
        bruno.get("/api/ideas/{id}/history", idea).expectStatus().isNotFound();
        bruno.put("/api/ideas/{id}/follow", Map.of(), idea).expectStatus().isNotFound();
    }

    private static org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec score(Caller juror, String challenge, String idea,
                                                                                                  Map<String, Integer> scores) {
        return juror.put("/api/challenges/{id}/scores/{idea}", Map.of("scores", scores), challenge, idea);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<?, ?>> scores(Caller reader, String challenge) {
        Map<?, ?> body = reader.get("/api/challenges/{id}/scores", challenge).expectStatus().isOk().expectBody(Map.class).returnResult()
                .getResponseBody();
        return (List<Map<?, ?>>) body.get("scores");
    }

    private static Map<?, ?> detail(Caller reader, String challenge) {
        return reader.get("/api/challenges/{id}", challenge).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }
}
