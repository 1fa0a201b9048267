package io.vigie.posts;

import io.vigie.spaces.Reader;
import io.vigie.support.ApiTest;
import io.vigie.support.Spaces;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Votes arriving all at once are each counted exactly once. */
class VoteConcurrencyTests extends ApiTest {

    @Autowired
    PostService posts;

    @Autowired
    DatabaseClient db;

    @Test
    void aHundredPeopleVotingAtOnceCountAsAHundredVotes() {
        PostView post = aPostInMarketing();
        List<Reader> voters = Flux.range(0, 100).concatMap(i -> aPerson("voter-" + UUID.randomUUID())).collectList()
                .block(Duration.ofSeconds(30));

        Flux.fromIterable(voters)
                .flatMap(voter -> posts.vote(voter, post.id(), 1), 100)
                .then().block(Duration.ofSeconds(60));

        assertThat(counts(post.id())).isEqualTo(Map.of("upvotes", 100, "downvotes", 0, "votes", 100L));
    }

    @Test
    void onePersonVotingManyTimesAtOnceCountsOnce() {
        PostView post = aPostInMarketing();
        Reader voter = aPerson("voter-" + UUID.randomUUID()).block(Duration.ofSeconds(10));

        Flux.range(0, 50)
                .flatMap(i -> posts.vote(voter, post.id(), i % 2 == 0 ? 1 : -1).then(posts.vote(voter, post.id(), 1)), 50)
                .then().block(Duration.ofSeconds(60));

        assertThat(counts(post.id())).isEqualTo(Map.of("upvotes", 1, "downvotes", 0, "votes", 1L));
    }

    private PostView aPostInMarketing() {
        Caller alice = as("alice.martin").signedIn();
        UUID marketing = Spaces.id(alice, "marketing");
        return alice.post("/api/spaces/{id}/posts", Map.of("body", "Vote for the new logo"), marketing)
                .expectStatus().isCreated().expectBody(PostView.class).returnResult().getResponseBody();
    }

    /** Someone who exists in PostgreSQL and may read Marketing (a department space is open to read). */
    private reactor.core.publisher.Mono<Reader> aPerson(String username) {
        UUID id = UUID.randomUUID();
        return db.sql("INSERT INTO person (id, username, display_name) VALUES (:id, :username, :username)")
                .bind("id", id).bind("username", username)
                .fetch().rowsUpdated()
                .thenReturn(new Reader(id, Set.of(), Set.of(), Set.of(), Set.of(), false));
    }

    private Map<String, Object> counts(UUID postId) {
        return db.sql("""
                        SELECT upvotes, downvotes,
                               (SELECT count(*) FROM vote WHERE target_type = 'post' AND target_id = :id) AS votes
                        FROM post WHERE id = :id
                        """)
                .bind("id", postId)
                .map(row -> Map.<String, Object>of("upvotes", row.get("upvotes", Integer.class),
                        "downvotes", row.get("downvotes", Integer.class), "votes", row.get("votes", Long.class)))
                .one().block(Duration.ofSeconds(5));
    }

}
