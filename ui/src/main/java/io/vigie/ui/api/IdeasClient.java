package io.vigie.ui.api;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The idea box and challenges, called as the signed-in person. */
@Component
public class IdeasClient {

    /** An idea in a list. */
    public record IdeaSummary(UUID id, String title, UUID spaceId, String spaceName, Post.Person author, String status, int score,
                              int comments, Post.ChallengeRef challenge, OffsetDateTime createdAt) {}

    public record ChallengeSummary(UUID id, String title, UUID spaceId, String spaceName, Post.Person sponsor, OffsetDateTime deadline,
                                   boolean closed, long ideas) {}

    /** A challenge's page; {@code total} in a place only for the jury and the sponsor. */
    public record ChallengeDetail(Post challenge, List<IdeaSummary> ideas, List<Place> ranking, boolean mayClose) {}

    public record Place(int rank, UUID ideaId, String title, Post.Person author, boolean winner, BigDecimal total) {}

    public record Score(UUID ideaId, UUID criterionId, Post.Person juror, int score) {}

    public record JuryScores(List<Post.Criterion> criteria, List<Score> scores) {}

    /** One change in an idea's history. */
    public record Event(String status, String reason, Post.Person by, OffsetDateTime at) {}

    /** A criterion as the sponsor writes it. */
    public record CriterionDraft(String label, int weight) {}

    private static final java.util.function.Predicate<org.springframework.http.HttpStatusCode> HELD = status -> status.value() == 202;

    private final RestClient api;

    IdeasClient(RestClient apiRestClient) {
        this.api = apiRestClient;
    }

    /** Proposes an idea in a space, to a challenge or not (null). */
    public Post propose(UUID spaceId, String title, String problem, String proposal, String benefit, UUID challengeId) {
        Map<String, Object> idea = new HashMap<>(Map.of("problem", problem, "benefit", benefit));
        if (challengeId != null) {
            idea.put("challengeId", challengeId);
        }
        return api.post().uri("/api/spaces/{id}/posts", spaceId)
                .body(Map.of("body", proposal, "kind", "idea", "title", title, "idea", idea)).retrieve()
                .onStatus(HELD, ApiErrors::throwHeld).body(Post.class);
    }

    public Post openChallenge(UUID spaceId, String title, String question, OffsetDateTime deadline, int winners,
                              List<CriterionDraft> criteria, List<String> jury) {
        return api.post().uri("/api/spaces/{id}/posts", spaceId)
                .body(Map.of("body", question, "kind", "challenge", "title", title, "challenge",
                        Map.of("deadline", deadline.toString(), "winners", winners, "criteria", criteria, "jury", jury)))
                .retrieve().onStatus(HELD, ApiErrors::throwHeld).body(Post.class);
    }

    public List<IdeaSummary> ideas(String status, String sort) {
        return api.get().uri(builder -> {
            builder.path("/api/ideas").queryParam("sort", sort);
            if (status != null) {
                builder.queryParam("status", status);
            }
            return builder.build();
        }).retrieve().body(new ParameterizedTypeReference<>() {});
    }

    public Post move(UUID ideaId, String status, String reason) {
        Map<String, Object> body = new HashMap<>(Map.of("status", status));
        if (reason != null) {
            body.put("reason", reason);
        }
        return api.put().uri("/api/ideas/{id}/status", ideaId).body(body).retrieve().body(Post.class);
    }

    public void follow(UUID ideaId, boolean following) {
        if (following) {
            api.put().uri("/api/ideas/{id}/follow", ideaId).body(Map.of()).retrieve().toBodilessEntity();
        } else {
            api.delete().uri("/api/ideas/{id}/follow", ideaId).retrieve().toBodilessEntity();
        }
    }

    public List<Event> history(UUID ideaId) {
        return api.get().uri("/api/ideas/{id}/history", ideaId).retrieve().body(new ParameterizedTypeReference<>() {});
    }

    public List<ChallengeSummary> challenges(boolean closed) {
        return api.get().uri("/api/challenges?state={state}", closed ? "closed" : "open").retrieve()
                .body(new ParameterizedTypeReference<>() {});
    }

    public ChallengeDetail challenge(UUID id) {
        return api.get().uri("/api/challenges/{id}", id).retrieve().body(ChallengeDetail.class);
    }

    public JuryScores scores(UUID id) {
        return api.get().uri("/api/challenges/{id}/scores", id).retrieve().body(JuryScores.class);
    }

    public void score(UUID id, UUID ideaId, Map<UUID, Integer> scores) {
        api.put().uri("/api/challenges/{id}/scores/{idea}", id, ideaId).body(Map.of("scores", scores)).retrieve().toBodilessEntity();
    }

    public ChallengeDetail close(UUID id) {
        return api.post().uri("/api/challenges/{id}/close", id).retrieve().body(ChallengeDetail.class);
    }
}
