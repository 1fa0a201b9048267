package io.vigie.moderation;

import io.vigie.spaces.Space;
import io.vigie.support.ApiTest;
import io.vigie.support.Spaces;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A write with a banned word is held: stored, unpublished, in the moderators' queue, and its author told why. */
class BannedWordsTests extends ApiTest {

    private final String word = "arnaque" + UUID.randomUUID().toString().substring(0, 6);

    @AfterEach
    void unban() {
        as("emma.dubois").signedIn().delete("/api/admin/banned-words/{w}", word);
    }

    @Test
    void aPostOrCommentWithABannedWordWaitsForAModerator() {
        Caller emma = as("emma.dubois").signedIn();
        Caller alice = as("alice.martin").signedIn();
        Caller david = as("david.leroy").signedIn();
        alice.post("/api/admin/banned-words", Map.of("word", word)).expectStatus().isForbidden();
        david.post("/api/admin/banned-words", Map.of("word", word)).expectStatus().isForbidden();
        emma.post("/api/admin/banned-words", Map.of("word", "  " + word.toUpperCase() + " ")).expectStatus().isOk()
                .expectBody().jsonPath("$.word").isEqualTo(word);
        emma.post("/api/admin/banned-words", Map.of("word", "!!!")).expectStatus().isBadRequest();
        assertThat(emma.get("/api/admin/banned-words").expectBodyList(String.class).returnResult().getResponseBody()).contains(word);

        Space space = Spaces.create(alice, "Banned " + word, "open");
        alice.post("/api/spaces/{id}/posts", Map.of("body", "Une " + word.toUpperCase() + " totale !"), space.id())
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.title").isEqualTo("Held for review")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(word));
        // A longer word that merely contains it is fine.
        Object post = alice.post("/api/spaces/{id}/posts", Map.of("body", "Les " + word + "s du web"), space.id())
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        alice.post("/api/posts/{id}/comments", Map.of("body", "C'est une " + word), post).expectStatus().isAccepted();
        // An edit that brings the word in is held too, and the comment leaves the thread.
        Object clean = alice.post("/api/posts/{id}/comments", Map.of("body", "Rien à signaler"), post).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        alice.put("/api/comments/{id}", Map.of("body", "Finalement une " + word), clean).expectStatus().isAccepted();
        assertThat(alice.get("/api/posts/{id}/comments", post).expectBody(String.class).returnResult().getResponseBody())
                .doesNotContain("Finalement");

        String feed = alice.get("/api/spaces/{id}/posts", space.id()).expectBody(String.class).returnResult().getResponseBody();
        assertThat(feed).doesNotContain("totale");
        List<Map> queue = david.get("/api/moderation/queue?size=200").expectStatus().isOk().expectBodyList(Map.class).returnResult()
                .getResponseBody();
        List<Map> held = queue.stream().filter(item -> ((String) item.get("text")).toLowerCase().contains(word)).toList();
        assertThat(held).hasSize(3).allSatisfy(item -> {
            assertThat(item.get("hidden")).isEqualTo(true);
            assertThat(item.get("reporters")).isEqualTo(List.of("Vigie"));
            assertThat(item.get("reasons")).isEqualTo(List.of("contains a banned word: " + word));
        });

        // The moderator lets the post through: it is published.
        Map<?, ?> heldPost = held.stream().filter(item -> item.get("type").equals("post")).findFirst().orElseThrow();
        david.post("/api/moderation/post/{id}/restore", Map.of("reason", "Quoted in a warning"), heldPost.get("id")).expectStatus().isNoContent();
        alice.get("/api/posts/{id}", heldPost.get("id")).expectStatus().isOk();
        emma.get("/api/admin/audit?action=hold").expectStatus().isOk().expectBody(String.class)
                .value(log -> assertThat(log).contains("contains a banned word: " + word));
    }
}
