package io.vigie.ideas;

import io.vigie.spaces.Reader;
import io.vigie.web.ApiProblems;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Challenges in PostgreSQL: criteria, jury, scores and the ranking kept at close. Jury scores
 * are read here only, for the jury and the sponsor; nothing else in Vigie reads that table.
 */
@Component
public class Challenges {

    private final DatabaseClient db;

    Challenges(DatabaseClient db) {
        this.db = db;
    }

    /**
     * The jurors' ids, checked before the post is written: every name is a person who may read
     * the space (a private space's members only). 400 naming the first who is not.
     */
    public Mono<List<UUID>> jurors(UUID spaceId, List<String> usernames) {
        return db.sql("""
                        SELECT u.name, r.id
                        FROM unnest(CAST(:names AS text[])) AS u(name)
                        LEFT JOIN person r ON r.username = u.name AND r.disabled_at IS NULL
                            AND EXISTS (SELECT 1 FROM space s WHERE s.id = :space AND (s.kind <> 'private' OR EXISTS (
                                SELECT 1 FROM space_membership m WHERE m.space_id = s.id AND m.person_id = r.id AND m.role <> 'follower')))""")
                .bind("names", usernames.toArray(String[]::new)).bind("space", spaceId)
                .map(row -> Map.entry(row.get("name", String.class), java.util.Optional.ofNullable(row.get("id", UUID.class))))
                .all()
                .collectList()
                .flatMap(found -> {
                    List<UUID> ids = new ArrayList<>();
                    for (var entry : found) {
                        if (entry.getValue().isEmpty()) {
                            return Mono.error(ApiProblems.invalid("challenge.jury",
                                    "@" + entry.getKey() + " is not someone who can read this space"));
                        }
                        ids.add(entry.getValue().get());
                    }
                    return Mono.just(ids);
                });
    }

    /** In the post's transaction. */
    public Mono<Void> create(UUID postId, ChallengeDraft draft, List<UUID> jurors) {
        Mono<Void> challenge = db.sql("INSERT INTO challenge (post_id, deadline, winners) VALUES (:post, :deadline, :winners)")
                .bind("post", postId).bind("deadline", draft.deadline()).bind("winners", draft.winners().shortValue())
                .then();
        Mono<Void> criteria = db.sql("""
                        INSERT INTO challenge_criterion (id, challenge_id, position, label, weight)
                        SELECT gen_random_uuid(), :post, CAST(c.n - 1 AS smallint), c.label, CAST(w.weight AS smallint)
                        FROM unnest(CAST(:labels AS text[])) WITH ORDINALITY AS c(label, n)
                        JOIN unnest(CAST(:weights AS int[])) WITH ORDINALITY AS w(weight, n) ON w.n = c.n""")
                .bind("post", postId)
                .bind("labels", draft.criteria().stream().map(ChallengeDraft.Criterion::label).toArray(String[]::new))
                .bind("weights", draft.criteria().stream().map(ChallengeDraft.Criterion::weight).toArray(Integer[]::new))
                .then();
        Mono<Void> jury = db.sql("INSERT INTO challenge_juror (challenge_id, person_id) SELECT :post, unnest(CAST(:jurors AS uuid[]))")
                .bind("post", postId).bind("jurors", jurors.toArray(UUID[]::new))
                .then();
        return challenge.then(criteria).then(jury);
    }

    /** The challenges among these posts, as this reader sees them (absent: not a challenge). */
    public Mono<Map<UUID, ChallengeView>> forPosts(Reader reader, Collection<UUID> postIds) {
        if (postIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("""
                        SELECT c.post_id, c.deadline, c.closed_at IS NOT NULL OR c.deadline <= now() AS closed, c.winners, p.author_id,
                               (SELECT count(*) FROM idea i JOIN post ip ON ip.id = i.post_id
                                WHERE i.challenge_id = c.post_id AND ip.deleted_at IS NULL AND ip.hidden_at IS NULL) AS ideas
                        FROM challenge c JOIN post p ON p.id = c.post_id WHERE c.post_id = ANY(:ids)""")
                .bind("ids", postIds.toArray(UUID[]::new))
                .map(row -> new Head(row.get("post_id", UUID.class), row.get("deadline", OffsetDateTime.class),
                        Boolean.TRUE.equals(row.get("closed", Boolean.class)), row.get("winners", Short.class),
                        row.get("author_id", UUID.class), row.get("ideas", Long.class)))
                .all()
                .flatMap(head -> Mono.zip(criteria(head.id()).collectList(), jury(head.id()).collectList())
                        .map(parts -> Map.entry(head.id(), new ChallengeView(head.deadline(), head.closed(), head.winners(), parts.getT1(),
                                parts.getT2().stream().map(Juror::person).toList(), head.ideas(),
                                head.sponsorId().equals(reader.personId()),
                                parts.getT2().stream().anyMatch(juror -> juror.id().equals(reader.personId()))))))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private record Head(UUID id, OffsetDateTime deadline, boolean closed, int winners, UUID sponsorId, long ideas) {}

    record Juror(UUID id, ChallengeView.PersonRef person) {}

    Flux<ChallengeView.Criterion> criteria(UUID challengeId) {
        return db.sql("SELECT id, label, weight FROM challenge_criterion WHERE challenge_id = :id ORDER BY position")
                .bind("id", challengeId)
                .map(row -> new ChallengeView.Criterion(row.get("id", UUID.class), row.get("label", String.class),
                        row.get("weight", Short.class)))
                .all();
    }

    Flux<Juror> jury(UUID challengeId) {
        return db.sql("""
                        SELECT r.id, r.username, r.display_name FROM challenge_juror j JOIN person r ON r.id = j.person_id
                        WHERE j.challenge_id = :id ORDER BY r.display_name""")
                .bind("id", challengeId)
                .map(row -> new Juror(row.get("id", UUID.class),
                        new ChallengeView.PersonRef(row.get("username", String.class), row.get("display_name", String.class))))
                .all();
    }

    /** A challenge in a list. */
    public record Summary(UUID id, String title, UUID spaceId, String spaceName, ChallengeView.PersonRef sponsor,
                          OffsetDateTime deadline, boolean closed, long ideas) {}

    /** The challenges the reader may read: open ones by nearest deadline, or closed ones newest first. */
    Flux<Summary> list(Reader reader, boolean closed, int limit) {
        return db.sql("""
                        SELECT p.id, p.title, s.id AS space_id, s.name AS space_name, a.username, a.display_name, c.deadline,
                               (SELECT count(*) FROM idea i JOIN post ip ON ip.id = i.post_id
                                WHERE i.challenge_id = c.post_id AND ip.deleted_at IS NULL AND ip.hidden_at IS NULL) AS ideas
                        FROM challenge c JOIN post p ON p.id = c.post_id JOIN space s ON s.id = p.space_id JOIN person a ON a.id = p.author_id
                        WHERE %s AND (c.closed_at IS NOT NULL OR c.deadline <= now()) = :closed
                        ORDER BY %s LIMIT :limit""".formatted(Ideas.READABLE,
                        closed ? "COALESCE(c.closed_at, c.deadline) DESC" : "c.deadline"))
                .bind("member", reader.memberOf().toArray(UUID[]::new)).bind("closed", closed).bind("limit", limit)
                .map(row -> new Summary(row.get("id", UUID.class), row.get("title", String.class), row.get("space_id", UUID.class),
                        row.get("space_name", String.class),
                        new ChallengeView.PersonRef(row.get("username", String.class), row.get("display_name", String.class)),
                        row.get("deadline", OffsetDateTime.class), closed, row.get("ideas", Long.class)))
                .all();
    }

    /** One juror's score of one idea on one criterion. */
    public record Score(UUID ideaId, UUID criterionId, ChallengeView.PersonRef juror, int score) {}

    /** The scores given so far: every juror's, or one juror's ({@code onlyJuror} not null). */
    Flux<Score> scores(UUID challengeId, UUID onlyJuror) {
        return db.sql("""
                        SELECT s.idea_id, s.criterion_id, r.username, r.display_name, s.score
                        FROM jury_score s JOIN challenge_criterion c ON c.id = s.criterion_id JOIN person r ON r.id = s.juror_id
                        JOIN challenge_juror j ON j.challenge_id = c.challenge_id AND j.person_id = s.juror_id
                        WHERE c.challenge_id = :challenge AND (CAST(:juror AS uuid) IS NULL OR s.juror_id = :juror)
                        ORDER BY s.idea_id, c.position, r.display_name""")
                .bind("challenge", challengeId)
                .bind("juror", org.springframework.r2dbc.core.Parameter.fromOrEmpty(onlyJuror, UUID.class))
                .map(row -> new Score(row.get("idea_id", UUID.class), row.get("criterion_id", UUID.class),
                        new ChallengeView.PersonRef(row.get("username", String.class), row.get("display_name", String.class)),
                        row.get("score", Short.class)))
                .all();
    }

    /** A juror's scores of one idea, replacing theirs; the criteria must be the challenge's. */
    Mono<Void> score(UUID challengeId, UUID ideaId, UUID jurorId, Map<UUID, Integer> scores) {
        UUID[] criteria = scores.keySet().toArray(UUID[]::new);
        Integer[] values = scores.keySet().stream().map(scores::get).toArray(Integer[]::new);
        return db.sql("""
                        INSERT INTO jury_score (idea_id, criterion_id, juror_id, score)
                        SELECT :idea, c.id, :juror, CAST(v.score AS smallint)
                        FROM unnest(CAST(:criteria AS uuid[]), CAST(:scores AS int[])) AS v(criterion, score)
                        JOIN challenge_criterion c ON c.id = v.criterion AND c.challenge_id = :challenge
                        ON CONFLICT (idea_id, criterion_id, juror_id) DO UPDATE SET score = EXCLUDED.score, scored_at = now()""")
                .bind("idea", ideaId).bind("juror", jurorId).bind("challenge", challengeId)
                .bind("criteria", criteria).bind("scores", values)
                .then();
    }

    /** The challenge's sponsor, whether it is closed, and its space (empty: not a challenge the reader may read). */
    Mono<State> state(Reader reader, UUID challengeId) {
        return db.sql("""
                        SELECT p.author_id, p.space_id, p.title, c.closed_at IS NOT NULL OR c.deadline <= now() AS closed, c.winners,
                               EXISTS (SELECT 1 FROM challenge_juror j WHERE j.challenge_id = c.post_id AND j.person_id = :reader) AS juror
                        FROM challenge c JOIN post p ON p.id = c.post_id JOIN space s ON s.id = p.space_id
                        WHERE c.post_id = :id AND %s""".formatted(Ideas.READABLE))
                .bind("id", challengeId).bind("reader", reader.personId()).bind("member", reader.memberOf().toArray(UUID[]::new))
                .map(row -> new State(challengeId, row.get("author_id", UUID.class), row.get("space_id", UUID.class),
                        row.get("title", String.class), Boolean.TRUE.equals(row.get("closed", Boolean.class)),
                        row.get("winners", Short.class), Boolean.TRUE.equals(row.get("juror", Boolean.class))))
                .one();
    }

    /** Where a challenge stands for one reader. */
    record State(UUID id, UUID sponsorId, UUID spaceId, String title, boolean closed, int winners, boolean juror) {
        boolean sponsoredBy(UUID personId) {
            return sponsorId.equals(personId);
        }
    }

    /** Whether an idea answers this challenge, is live, and who wrote it (empty: it does not). */
    Mono<UUID> ideaAuthor(UUID challengeId, UUID ideaId) {
        return db.sql("""
                        SELECT p.author_id FROM idea i JOIN post p ON p.id = i.post_id
                        WHERE i.post_id = :idea AND i.challenge_id = :challenge AND p.deleted_at IS NULL AND p.hidden_at IS NULL""")
                .bind("idea", ideaId).bind("challenge", challengeId)
                .map(row -> row.get("author_id", UUID.class))
                .one();
    }

    /** What closing a challenge needs to know. */
    record Closing(UUID id, UUID sponsorId, UUID spaceId, String title, int winners) {}

    /** Marks the challenge closed; empty when it already was (another instance, or by hand). */
    Mono<Closing> markClosed(UUID challengeId) {
        return db.sql("""
                        UPDATE challenge c SET closed_at = now() FROM post p
                        WHERE c.post_id = :id AND p.id = c.post_id AND c.closed_at IS NULL
                        RETURNING p.author_id, p.space_id, p.title, c.winners""")
                .bind("id", challengeId)
                .map(row -> new Closing(challengeId, row.get("author_id", UUID.class), row.get("space_id", UUID.class),
                        row.get("title", String.class), row.get("winners", Short.class)))
                .one();
    }

    /** Challenges past their deadline and not yet closed (a deleted or hidden one announces nothing). */
    Flux<UUID> due() {
        return db.sql("""
                        SELECT c.post_id FROM challenge c JOIN post p ON p.id = c.post_id
                        WHERE c.closed_at IS NULL AND c.deadline <= now() AND p.deleted_at IS NULL AND p.hidden_at IS NULL
                        ORDER BY c.deadline LIMIT 20""")
                .map(row -> row.get("post_id", UUID.class)).all();
    }

    /** One place in the ranking computed at close. */
    public record Ranked(int rank, UUID ideaId, String title, ChallengeView.PersonRef author, UUID authorId, boolean winner,
                         BigDecimal total) {}

    /**
     * Ranks the challenge's live ideas and keeps the ranking: each criterion's mean score over the
     * jurors who gave one, weighted; ties go to the employees' votes, then to the earlier idea.
     * Only ideas the jury scored can win.
     */
    Flux<Ranked> rank(UUID challengeId, int winners) {
        return db.sql("""
                        WITH crit AS (SELECT id, weight FROM challenge_criterion WHERE challenge_id = :id),
                        entries AS (
                            SELECT i.post_id, p.upvotes - p.downvotes AS votes, p.created_at
                            FROM idea i JOIN post p ON p.id = i.post_id
                            WHERE i.challenge_id = :id AND p.deleted_at IS NULL AND p.hidden_at IS NULL),
                        means AS (
                            SELECT s.idea_id, s.criterion_id, avg(s.score) AS mean
                            FROM jury_score s JOIN challenge_juror j ON j.challenge_id = :id AND j.person_id = s.juror_id
                            WHERE s.criterion_id IN (SELECT id FROM crit)
                            GROUP BY s.idea_id, s.criterion_id),
                        totals AS (
                            SELECT e.post_id, e.votes, e.created_at,
                                   COALESCE(sum(c.weight * m.mean), 0) / (SELECT sum(weight) FROM crit) AS total,
                                   count(m.mean) AS scored
                            FROM entries e CROSS JOIN crit c LEFT JOIN means m ON m.idea_id = e.post_id AND m.criterion_id = c.id
                            GROUP BY e.post_id, e.votes, e.created_at),
                        ranked AS (
                            SELECT post_id, total, scored, row_number() OVER (ORDER BY total DESC, votes DESC, created_at, post_id) AS rank
                            FROM totals)
                        INSERT INTO challenge_result (challenge_id, idea_id, rank, total, winner)
                        SELECT :id, post_id, rank, round(total, 3), rank <= :winners AND scored > 0 FROM ranked
                        """)
                .bind("id", challengeId).bind("winners", winners)
                .fetch().rowsUpdated()
                .thenMany(ranking(challengeId));
    }

    /** The ranking kept at close, best first. */
    Flux<Ranked> ranking(UUID challengeId) {
        return db.sql("""
                        SELECT r.rank, r.idea_id, p.title, a.id AS author_id, a.username, a.display_name, r.winner, r.total
                        FROM challenge_result r JOIN post p ON p.id = r.idea_id JOIN person a ON a.id = p.author_id
                        WHERE r.challenge_id = :id AND p.deleted_at IS NULL AND p.hidden_at IS NULL
                        ORDER BY r.rank""")
                .bind("id", challengeId)
                .map(row -> new Ranked(row.get("rank", Short.class), row.get("idea_id", UUID.class), row.get("title", String.class),
                        new ChallengeView.PersonRef(row.get("username", String.class), row.get("display_name", String.class)),
                        row.get("author_id", UUID.class), Boolean.TRUE.equals(row.get("winner", Boolean.class)),
                        row.get("total", BigDecimal.class)))
                .all();
    }

    Mono<Void> announced(UUID challengeId, UUID postId) {
        return db.sql("UPDATE challenge SET announcement_id = :post WHERE post_id = :id").bind("post", postId).bind("id", challengeId).then();
    }
}
