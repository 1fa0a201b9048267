package io.vigie.questions;

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
 * Questions and answers: a question is a post with a title, its top-level comments are answers,
 * the asker (or an owner) accepts one, which then comes first; lists of unanswered questions per
 * space and company-wide; similar questions while typing; all inside the space rules.
 */
class QuestionsTests extends ApiTest {

    @Test
    void theAskerAcceptsAnAnswerWhichComesFirstAndLeavesTheUnansweredList() {
        Caller alice = as("alice.martin").signedIn();
        Caller bruno = as("bruno.petit").signedIn();
        Caller chloe = as("chloe.bernard").signedIn();
        Space space = Spaces.create(alice, "Questions " + UUID.randomUUID(), "open");
        String word = "quest" + UUID.randomUUID().toString().substring(0, 8);
        Map<?, ?> question = ask(alice, space, "How do we book the " + word + " meeting rooms?", "The old tool is gone. Where now?");
        assertThat(question.get("kind")).isEqualTo("question");
        assertThat(question.get("title")).isEqualTo("How do we book the " + word + " meeting rooms?");
        String id = (String) question.get("id");

        String first = answer(bruno, id, "Ask the front desk.");
        String best = answer(chloe, id, "Use the new calendar: rooms are resources there.");
        String reply = (String) bruno.post("/api/posts/{id}/comments", Map.of("body", "Thanks!", "parentId", best), id)
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");

        // Listed as unanswered, in its space and company-wide, once indexed.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(ids(bruno, "/api/questions?unanswered=true&size=50")).contains(id);
            assertThat(ids(bruno, "/api/questions?unanswered=true&space=" + space.id())).containsExactly(id);
        });

        bruno.put("/api/posts/{id}/accepted-answer", Map.of("commentId", first), id).expectStatus().isForbidden();
        alice.put("/api/posts/{id}/accepted-answer", Map.of("commentId", reply), id).expectStatus().isBadRequest();
        Map<?, ?> accepted = alice.put("/api/posts/{id}/accepted-answer", Map.of("commentId", best), id).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(accepted.get("acceptedAnswerId")).isEqualTo(best);

        List<Map> thread = bruno.get("/api/posts/{id}/comments", id).expectStatus().isOk()
                .expectBodyList(Map.class).returnResult().getResponseBody();
        assertThat(thread.getFirst().get("id")).as("the accepted answer first").isEqualTo(best);
        assertThat(thread.getFirst().get("accepted")).isEqualTo(true);
        assertThat(thread.get(1).get("accepted")).isEqualTo(false);

        Map<?, ?> inbox = chloe.get("/api/notifications").expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<Map<?, ?>>) inbox.get("items")).anySatisfy(n -> {
            assertThat(n.get("kind")).isEqualTo("accepted");
            assertThat(n.get("postId")).isEqualTo(id);
        });

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(ids(bruno, "/api/questions?unanswered=true&space=" + space.id())).isEmpty();
            assertThat(ids(bruno, "/api/questions?space=" + space.id())).containsExactly(id);
        });
        // Taking the acceptance back makes it unanswered again.
        alice.delete("/api/posts/{id}/accepted-answer", id).expectStatus().isOk();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(ids(bruno, "/api/questions?unanswered=true&space=" + space.id())).containsExactly(id));
    }

    @Test
    void similarQuestionsAndListsKeepToTheSpacesTheReaderMaySee() {
        Caller alice = as("alice.martin").signedIn();
        Caller bruno = as("bruno.petit").signedIn();
        String word = "simil" + UUID.randomUUID().toString().substring(0, 8);
        Space open = Spaces.create(alice, "Open questions " + UUID.randomUUID(), "open");
        Space hidden = Spaces.create(alice, "Hidden questions " + UUID.randomUUID(), "private");
        String public1 = (String) ask(alice, open, "Expense reports for " + word + " travel", "Which form?").get("id");
        String secret = (String) ask(alice, hidden, "Expense reports for " + word + " reorganisation", "Confidential").get("id");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<String> forAlice = similar(alice, "expense reports " + word);
            assertThat(forAlice).contains(public1, secret);
            List<String> forBruno = similar(bruno, "expense reports " + word);
            assertThat(forBruno).contains(public1).doesNotContain(secret);
            assertThat(ids(bruno, "/api/questions?unanswered=true&size=50")).doesNotContain(secret);
        });
        bruno.get("/api/questions?space={id}", hidden.id()).expectStatus().isNotFound();
        assertThat(similar(bruno, "ex")).as("too short to suggest").isEmpty();
    }

    @Test
    void aQuestionNeedsATitleAndOnlyAQuestionHasOne() {
        Caller alice = as("alice.martin").signedIn();
        Space space = Spaces.create(alice, "Questions " + UUID.randomUUID(), "open");
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("body", "No title?", "kind", "question"),
                Map.of("body", "Blank title", "kind", "question", "title", "  "),
                Map.of("body", "A post", "title", "Posts have no title"),
                Map.of("body", "What kind?", "kind", "riddle", "title", "Hm"),
                Map.of("body", "Both?", "kind", "question", "title", "Poll or question", "poll", Map.of("options", List.of("A", "B"))),
                Map.of("body", "Long", "kind", "question", "title", "x".repeat(201)))) {
            alice.post("/api/spaces/{id}/posts", body, space.id()).expectStatus().isBadRequest();
        }
        // An ordinary post has no accepted answer.
        String post = (String) alice.post("/api/spaces/{id}/posts", Map.of("body", "Just news"), space.id()).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        alice.put("/api/posts/{id}/accepted-answer", Map.of("commentId", UUID.randomUUID()), post).expectStatus().isBadRequest();
    }

    private static Map<?, ?> ask(Caller asker, Space space, String title, String body) {
        return asker.post("/api/spaces/{id}/posts", Map.of("body", body, "kind", "question", "title", title), space.id())
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    }

    private static String answer(Caller answerer, String question, String text) {
        return (String) answerer.post("/api/posts/{id}/comments", Map.of("body", text), question).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Caller reader, String path) {
        Map<?, ?> page = reader.get(path).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((List<Map<?, ?>>) page.get("items")).stream().map(item -> (String) item.get("id")).toList();
    }

    private static List<String> similar(Caller reader, String text) {
        return reader.get("/api/questions/similar?q={q}", text).expectStatus().isOk().expectBodyList(Map.class).returnResult()
                .getResponseBody().stream().map(item -> (String) item.get("id")).toList();
    }
}
