package io.vigie.ideas;

import io.vigie.spaces.Reader;
import io.vigie.web.ApiProblems;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Ideas in PostgreSQL: what they carry beside their post, their lifecycle and their followers. */
@Component
public class Ideas {

    /** Where an idea may go from each status; a declined idea may be looked at again. */
    static final Map<String, List<String>> NEXT = Map.of(
            "submitted", List.of("under_review", "selected", "declined"),
            "under_review", List.of("selected", "declined"),
            "selected", List.of("in_progress", "declined"),
            "in_progress", List.of("done", "declined"),
            "declined", List.of("under_review"),
            "done", List.of());

    static final int MAX_REASON_LENGTH = 1000;

    /** Live ideas in spaces the reader may read (open and department spaces, private ones they belong to). */
    static final String READABLE = """
            p.deleted_at IS NULL AND p.hidden_at IS NULL AND (s.kind <> 'private' OR s.id = ANY(:member))""";

    private final DatabaseClient db;

    Ideas(DatabaseClient db) {
        this.db = db;
    }

    /** In the post's transaction. */
    public Mono<Void> create(UUID postId, IdeaDraft draft, UUID authorId) {
        return db.sql("""
                        WITH idea AS (
                            INSERT INTO idea (post_id, problem, benefit, challenge_id) VALUES (:post, :problem, :benefit, :challenge)
                            RETURNING post_id)
                        INSERT INTO idea_event (idea_id, status, actor_id) SELECT post_id, 'submitted', :author FROM idea""")
                .bind("post", postId).bind("problem", draft.problem()).bind("benefit", draft.benefit())
                .bind("challenge", Parameter.fromOrEmpty(draft.challengeId(), UUID.class)).bind("author", authorId)
                .then();
    }

    /**
     * Checks, before the post is written, that the challenge an idea answers takes ideas: the
     * reader sees it, it is open, and the idea goes into its space. 400 otherwise.
     */
    public Mono<Void> checkChallenge(Reader reader, UUID spaceId, UUID challengeId) {
        if (challengeId == null) {
            return Mono.empty();
        }
        return db.sql("""
                        SELECT p.space_id, c.closed_at IS NOT NULL OR c.deadline <= now() AS closed
                        FROM challenge c JOIN post p ON p.id = c.post_id JOIN space s ON s.id = p.space_id
                        WHERE c.post_id = :challenge AND %s""".formatted(READABLE))
                .bind("challenge", challengeId).bind("member", reader.memberOf().toArray(UUID[]::new))
                .map(row -> Map.entry(row.get("space_id", UUID.class), Boolean.TRUE.equals(row.get("closed", Boolean.class))))
                .one()
                .switchIfEmpty(Mono.error(() -> ApiProblems.invalid("idea.challengeId", "is not a challenge you can see")))
                .flatMap(found -> {
                    if (found.getValue()) {
                        return Mono.error(ApiProblems.conflict("This challenge is closed: it takes no more ideas."));
                    }
                    if (!found.getKey().equals(spaceId)) {
                        return Mono.error(ApiProblems.invalid("idea.challengeId", "belongs to another space: submit the idea there"));
                    }
                    return Mono.empty();
                });
    }

    /** The ideas among these posts, as this reader sees them (absent: not an idea). */
    public Mono<Map<UUID, IdeaView>> forPosts(Reader reader, Collection<UUID> postIds) {
        if (postIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("""
                        SELECT i.post_id, i.status, i.decline_reason, i.problem, i.benefit, p.space_id,
                               i.challenge_id, cp.title AS challenge_title, cp.author_id AS sponsor_id,
                               (SELECT count(*) FROM idea_follower f WHERE f.idea_id = i.post_id) AS followers,
                               EXISTS (SELECT 1 FROM idea_follower f WHERE f.idea_id = i.post_id AND f.person_id = :reader) AS following
                        FROM idea i JOIN post p ON p.id = i.post_id
                        LEFT JOIN post cp ON cp.id = i.challenge_id AND cp.deleted_at IS NULL AND cp.hidden_at IS NULL
                        WHERE i.post_id = ANY(:ids)""")
                .bind("ids", postIds.toArray(UUID[]::new)).bind("reader", reader.personId())
                .map(row -> {
                    UUID challenge = row.get("challenge_title", String.class) == null ? null : row.get("challenge_id", UUID.class);
                    boolean reviewer = mayReview(reader, row.get("space_id", UUID.class), row.get("sponsor_id", UUID.class));
                    String status = row.get("status", String.class);
                    return Map.entry(row.get("post_id", UUID.class), new IdeaView(status,
                            row.get("decline_reason", String.class), row.get("problem", String.class), row.get("benefit", String.class),
                            challenge == null ? null : new IdeaView.ChallengeRef(challenge, row.get("challenge_title", String.class)),
                            row.get("followers", Long.class), Boolean.TRUE.equals(row.get("following", Boolean.class)),
                            reviewer ? NEXT.get(status) : List.of()));
                })
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** Moderators, the space's owners, and the sponsor of the challenge it answers. */
    static boolean mayReview(Reader reader, UUID spaceId, UUID sponsorId) {
        return reader.moderator() || reader.owns(spaceId) || reader.personId().equals(sponsorId);
    }

    /** The idea's status, space and sponsor, locked for a change of status (empty: not an idea). */
    Mono<Current> lock(UUID id) {
        return db.sql("""
                        SELECT i.status, p.space_id, cp.author_id AS sponsor_id
                        FROM idea i JOIN post p ON p.id = i.post_id LEFT JOIN post cp ON cp.id = i.challenge_id
                        WHERE i.post_id = :id FOR UPDATE OF i""")
                .bind("id", id)
                .map(row -> new Current(row.get("status", String.class), row.get("space_id", UUID.class), row.get("sponsor_id", UUID.class)))
                .one();
    }

    record Current(String status, UUID spaceId, UUID sponsorId) {}

    /** A change of status, kept in the idea's history. */
    Mono<Void> move(UUID id, String status, String reason, UUID actorId) {
        return db.sql("""
                        WITH moved AS (
                            UPDATE idea SET status = :status, decline_reason = :reason, status_at = now() WHERE post_id = :id RETURNING post_id)
                        INSERT INTO idea_event (idea_id, status, reason, actor_id) SELECT post_id, :status, :reason, :actor FROM moved""")
                .bind("id", id).bind("status", status).bind("reason", Parameter.fromOrEmpty(reason, String.class))
                .bind("actor", Parameter.fromOrEmpty(actorId, UUID.class))
                .then();
    }

    /** A winner of a challenge becomes selected, unless a reviewer already moved it further; whether it moved. */
    Mono<Boolean> selectWinner(UUID id) {
        return db.sql("""
                        WITH moved AS (
                            UPDATE idea SET status = 'selected', decline_reason = NULL, status_at = now()
                            WHERE post_id = :id AND status IN ('submitted', 'under_review') RETURNING post_id)
                        INSERT INTO idea_event (idea_id, status) SELECT post_id, 'selected' FROM moved""")
                .bind("id", id).fetch().rowsUpdated().map(rows -> rows > 0);
    }

    Mono<Void> follow(UUID id, UUID personId) {
        return db.sql("INSERT INTO idea_follower (idea_id, person_id) VALUES (:id, :person) ON CONFLICT DO NOTHING")
                .bind("id", id).bind("person", personId).then();
    }

    Mono<Void> unfollow(UUID id, UUID personId) {
        return db.sql("DELETE FROM idea_follower WHERE idea_id = :id AND person_id = :person")
                .bind("id", id).bind("person", personId).then();
    }

    /** One change in an idea's history. */
    public record Event(String status, String reason, ChallengeView.PersonRef by, OffsetDateTime at) {}

    Flux<Event> history(UUID id) {
        return db.sql("""
                        SELECT e.status, e.reason, a.username, a.display_name, e.at
                        FROM idea_event e LEFT JOIN person a ON a.id = e.actor_id WHERE e.idea_id = :id ORDER BY e.id""")
                .bind("id", id)
                .map(row -> new Event(row.get("status", String.class), row.get("reason", String.class),
                        row.get("username", String.class) == null ? null
                                : new ChallengeView.PersonRef(row.get("username", String.class), row.get("display_name", String.class)),
                        row.get("at", OffsetDateTime.class)))
                .all();
    }

    /** An idea in a list: enough to choose which to open. */
    public record Summary(UUID id, String title, UUID spaceId, String spaceName, ChallengeView.PersonRef author, String status,
                          int score, int comments, IdeaView.ChallengeRef challenge, OffsetDateTime createdAt) {}

    /**
     * The ideas the reader may read, best voted or newest first; optionally of one status, one
     * space or one challenge.
     */
    Flux<Summary> list(Reader reader, String status, UUID spaceId, UUID challengeId, boolean newest, int limit, int offset) {
        return db.sql("""
                        SELECT p.id, p.title, s.id AS space_id, s.name AS space_name, a.username, a.display_name, i.status,
                               p.upvotes - p.downvotes AS score, p.comment_count, p.created_at,
                               i.challenge_id, cp.title AS challenge_title
                        FROM idea i JOIN post p ON p.id = i.post_id JOIN space s ON s.id = p.space_id JOIN person a ON a.id = p.author_id
                        LEFT JOIN post cp ON cp.id = i.challenge_id AND cp.deleted_at IS NULL AND cp.hidden_at IS NULL
                        WHERE %s
                          AND (CAST(:status AS text) IS NULL OR i.status = :status)
                          AND (CAST(:space AS uuid) IS NULL OR p.space_id = :space)
                          AND (CAST(:challenge AS uuid) IS NULL OR i.challenge_id = :challenge)
                        ORDER BY %s
                        LIMIT :limit OFFSET :offset""".formatted(READABLE,
                        newest ? "p.created_at DESC, p.id" : "p.upvotes - p.downvotes DESC, p.created_at DESC, p.id"))
                .bind("member", reader.memberOf().toArray(UUID[]::new))
                .bind("status", Parameter.fromOrEmpty(status, String.class))
                .bind("space", Parameter.fromOrEmpty(spaceId, UUID.class))
                .bind("challenge", Parameter.fromOrEmpty(challengeId, UUID.class))
                .bind("limit", limit).bind("offset", offset)
                .map(row -> new Summary(row.get("id", UUID.class), row.get("title", String.class), row.get("space_id", UUID.class),
                        row.get("space_name", String.class),
                        new ChallengeView.PersonRef(row.get("username", String.class), row.get("display_name", String.class)),
                        row.get("status", String.class), row.get("score", Integer.class), row.get("comment_count", Integer.class),
                        row.get("challenge_title", String.class) == null ? null
                                : new IdeaView.ChallengeRef(row.get("challenge_id", UUID.class), row.get("challenge_title", String.class)),
                        row.get("created_at", OffsetDateTime.class)))
                .all();
    }

    /** Checks a change of status; the reason, trimmed, for a decline. */
    static String checkMove(String from, String to, String reason) {
        if (to == null || !NEXT.containsKey(to)) {
            throw ApiProblems.invalid("status", "must be one of submitted, under_review, selected, in_progress, done, declined");
        }
        if (!NEXT.getOrDefault(from, List.of()).contains(to)) {
            throw ApiProblems.conflict("An idea " + from.replace('_', ' ') + " cannot become " + to.replace('_', ' ')
                    + (NEXT.get(from).isEmpty() ? ": it is finished." : "; it can become " + String.join(", ", NEXT.get(from)) + "."));
        }
        String trimmed = reason == null ? "" : reason.strip();
        if (to.equals("declined")) {
            if (trimmed.isEmpty()) {
                throw ApiProblems.invalid("reason", "say why the idea is declined");
            }
            if (trimmed.length() > MAX_REASON_LENGTH) {
                throw ApiProblems.invalid("reason", "is " + trimmed.length() + " characters long; the limit is " + MAX_REASON_LENGTH);
            }
            return trimmed;
        }
        return null;
    }
}
