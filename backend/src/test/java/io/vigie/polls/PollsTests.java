package io.vigie.polls;

import io.vigie.spaces.Space;
import io.vigie.support.ApiTest;
import io.vigie.support.Spaces;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Polls on posts: ballots, results shown after voting or at close, closing, anonymity, validation. */
class PollsTests extends ApiTest {

    @Autowired
    DatabaseClient db;

    @Test
    void aBallotShowsTheResultsAndCanChangeUntilThePollCloses() {
        Caller alice = as("alice.martin").signedIn();
        Caller bruno = as("bruno.petit").signedIn();
        Caller chloe = as("chloe.bernard").signedIn();
        Space space = Spaces.create(alice, "Polls " + UUID.randomUUID(), "open");
        String post = createPoll(alice, space, "Where for the team lunch?", List.of("Bistro", "Cantine", "Food truck"), false, false, null);

        Map<?, ?> before = poll(bruno.get("/api/posts/{id}", post).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody());
        assertThat(before.get("resultsVisible")).isEqualTo(false);
        assertThat(options(before)).allSatisfy(option -> assertThat(option.get("votes")).as("no counts before voting").isNull());

        Map<?, ?> voted = bruno.put("/api/posts/{id}/poll/ballot", Map.of("choices", List.of(1)), post).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(voted.get("resultsVisible")).isEqualTo(true);
        assertThat(counts(voted)).containsExactly(0, 1, 0);
        assertThat(voted.get("myChoices")).isEqualTo(List.of(1));

        Map<?, ?> changed = bruno.put("/api/posts/{id}/poll/ballot", Map.of("choices", List.of(0)), post).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(counts(changed)).as("one ballot per person: a change replaces it").containsExactly(1, 0, 0);
        assertThat(changed.get("voters")).isEqualTo(1);

        bruno.put("/api/posts/{id}/poll/ballot", Map.of("choices", List.of(0, 1)), post).expectStatus().isBadRequest();
        bruno.put("/api/posts/{id}/poll/ballot", Map.of("choices", List.of(3)), post).expectStatus().isBadRequest();
        bruno.put("/api/posts/{id}/poll/ballot", Map.of("choices", List.of()), post).expectStatus().isBadRequest();

        Map<?, ?> chloeSees = poll(chloe.get("/api/posts/{id}", post).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody());
        assertThat(chloeSees.get("voters")).isEqualTo(1);
        assertThat(chloeSees.get("resultsVisible")).isEqualTo(false);

        // The poll comes with the post in feeds too, as each reader sees it.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Map<?, ?> page = bruno.get("/api/spaces/{id}/posts", space.id()).expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody();
            List<Map<?, ?>> items = ((List<Map<?, ?>>) page.get("items")).stream().filter(p -> post.equals(p.get("id"))).toList();
            assertThat(items).as("the post, once indexed").hasSize(1);
            assertThat(poll(items.getFirst()).get("myChoices")).isEqualTo(List.of(0));
        });

        chloe.postEmpty("/api/posts/{id}/poll/close", post).expectStatus().isForbidden();
        Map<?, ?> closed = alice.postEmpty("/api/posts/{id}/poll/close", post).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(closed.get("closed")).isEqualTo(true);
        bruno.put("/api/posts/{id}/poll/ballot", Map.of("choices", List.of(2)), post).expectStatus().isEqualTo(409);
        bruno.delete("/api/posts/{id}/poll/ballot", post).expectStatus().isEqualTo(409);
        Map<?, ?> atClose = poll(chloe.get("/api/posts/{id}", post).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody());
        assertThat(atClose.get("resultsVisible")).as("everyone sees the results at close").isEqualTo(true);
        assertThat(counts(atClose)).containsExactly(1, 0, 0);

        // A named poll lists who chose what.
        Map<?, ?> voters = chloe.get("/api/posts/{id}/poll/voters", post).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(voters.toString()).contains("bruno.petit");
    }

    @Test
    void multipleChoicesAWithdrawnBallotAndADeadline() {
        Caller alice = as("alice.martin").signedIn();
        Caller bruno = as("bruno.petit").signedIn();
        Space space = Spaces.create(alice, "Polls " + UUID.randomUUID(), "open");
        String post = createPoll(alice, space, "Which topics for the offsite?", List.of("AI", "Hiring", "Budget"), true, false,
                OffsetDateTime.now().plusSeconds(3).toString());

        assertThat(counts(bruno.put("/api/posts/{id}/poll/ballot", Map.of("choices", List.of(2, 0)), post).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody())).containsExactly(1, 0, 1);
        Map<?, ?> withdrawn = bruno.delete("/api/posts/{id}/poll/ballot", post).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(withdrawn.get("voters")).isEqualTo(0);
        assertThat(withdrawn.get("myChoices")).isEqualTo(List.of());

        // Past its deadline, the poll is closed for everyone, with no one closing it.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                bruno.put("/api/posts/{id}/poll/ballot", Map.of("choices", List.of(1)), post).expectStatus().isEqualTo(409));
    }

    @Test
    void nobodyCanSeeWhoChoseWhatInAnAnonymousPollThroughAnyPath() {
        Caller alice = as("alice.martin").signedIn();
        Caller bruno = as("bruno.petit").signedIn();
        Caller emma = as("emma.dubois").signedIn();
        Space space = Spaces.create(alice, "Polls " + UUID.randomUUID(), "open");
        String word = "anonpoll" + UUID.randomUUID().toString().substring(0, 8);
        String post = createPoll(alice, space, "Honest feedback " + word, List.of("Great", "Fine", "Poor"), false, true, null);
        bruno.put("/api/posts/{id}/poll/ballot", Map.of("choices", List.of(2)), post).expectStatus().isOk();
        alice.postEmpty("/api/posts/{id}/poll/close", post).expectStatus().isOk();

        alice.get("/api/posts/{id}/poll/voters", post).expectStatus().isForbidden();
        emma.get("/api/posts/{id}/poll/voters", post).expectStatus().isForbidden();
        // The database itself keeps no person beside an anonymous ballot.
        assertThat(db.sql("SELECT count(*) FROM poll_ballot WHERE post_id = :post AND person_id IS NOT NULL")
                .bind("post", UUID.fromString(post)).map(row -> row.get(0, Long.class)).one().block()).isZero();

        String asAuthor = alice.get("/api/posts/{id}", post).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        String asAdmin = emma.get("/api/posts/{id}", post).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String search = emma.get("/api/search?q={q}", word).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
            assertThat(search).contains(post);
            String feed = emma.get("/api/spaces/{id}/posts", space.id()).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
            assertThat(feed).contains(post);
            for (String answer : List.of(asAuthor, asAdmin, search, feed)) {
                assertThat(answer).doesNotContain("bruno.petit").doesNotContain("Bruno");
            }
        });
        // A ballot notifies nobody, so no notification names its voter either.
        assertThat(db.sql("SELECT count(*) FROM notification WHERE post_id = :post")
                .bind("post", UUID.fromString(post)).map(row -> row.get(0, Long.class)).one().block()).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void votersHearWhenAPollClosesAndItsAuthorWhenTheDeadlineDid() {
        Caller alice = as("alice.martin").signedIn();
        Caller bruno = as("bruno.petit").signedIn();
        Caller chloe = as("chloe.bernard").signedIn();
        Space space = Spaces.create(alice, "Polls " + UUID.randomUUID(), "open");
        String timed = createPoll(alice, space, "Lunch on Friday?", List.of("Yes", "No"), false, false,
                OffsetDateTime.now().plusSeconds(3).toString());
        String manual = createPoll(alice, space, "Offsite in June?", List.of("Yes", "No"), false, false, null);
        for (Caller voter : List.of(bruno, chloe)) {
            voter.put("/api/posts/{id}/poll/ballot", Map.of("choices", List.of(0)), timed).expectStatus().isOk();
        }
        bruno.put("/api/posts/{id}/poll/ballot", Map.of("choices", List.of(1)), manual).expectStatus().isOk();
        alice.postEmpty("/api/posts/{id}/poll/close", manual).expectStatus().isOk();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            for (Caller told : List.of(alice, bruno, chloe)) {
                assertThat(pollNotices(told, timed)).as("the deadline closed it: voters and author").isEqualTo(1);
            }
            assertThat(pollNotices(bruno, manual)).isEqualTo(1);
        });
        assertThat(pollNotices(alice, manual)).as("she closed it herself").isZero();
        assertThat(pollNotices(chloe, manual)).as("she did not vote").isZero();
    }

    @SuppressWarnings("unchecked")
    private static long pollNotices(Caller person, String post) {
        Map<?, ?> inbox = person.get("/api/notifications").expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((List<Map<?, ?>>) inbox.get("items")).stream()
                .filter(n -> "poll".equals(n.get("kind")) && post.equals(n.get("postId"))).count();
    }

    @Test
    void aPollThatMakesNoSenseIsRefusedWithTheField() {
        Caller alice = as("alice.martin").signedIn();
        Space space = Spaces.create(alice, "Polls " + UUID.randomUUID(), "open");
        for (Map<String, Object> poll : List.<Map<String, Object>>of(
                Map.of("options", List.of("Only one")),
                Map.of("options", List.of("Same", "same")),
                Map.of("options", List.of("Yes", " ")),
                Map.of("options", List.of("Yes", "No"), "closesAt", OffsetDateTime.now().minusHours(1).toString()))) {
            alice.post("/api/spaces/{id}/posts", Map.of("body", "A question", "poll", poll), space.id())
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").value(field -> assertThat((String) field).startsWith("poll."));
        }
    }

    private static String createPoll(Caller author, Space space, String question, List<String> options, boolean multiple,
                                     boolean anonymous, String closesAt) {
        Map<String, Object> poll = new java.util.HashMap<>(Map.of("options", options, "multiple", multiple, "anonymous", anonymous));
        if (closesAt != null) {
            poll.put("closesAt", closesAt);
        }
        Map<?, ?> created = author.post("/api/spaces/{id}/posts", Map.of("body", question, "poll", poll), space.id())
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(poll(created).get("options")).asList().hasSize(options.size());
        return (String) created.get("id");
    }

    private static Map<?, ?> poll(Map<?, ?> post) {
        return (Map<?, ?>) post.get("poll");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<?, ?>> options(Map<?, ?> poll) {
        return (List<Map<?, ?>>) poll.get("options");
    }

    private static List<Integer> counts(Map<?, ?> poll) {
        return options(poll).stream().map(option -> ((Number) option.get("votes")).intValue()).toList();
    }
}
