package io.vigie.points;

import io.vigie.web.ApiProblems;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Points, badges and leaderboards, read at each request from the {@code contribution} view (every
 * live post, answer, accepted answer, selected idea and upvote on a share in open and department
 * spaces) times the admins' rules. Nothing is counted ahead, so nothing drifts.
 */
@Component
public class Points {

    /** Points of each person since a date, from the contributions and the rules. */
    private static final String SCORED = """
            scored AS (
                SELECT c.person_id, sum(r.points) AS points
                FROM contribution c JOIN point_rule r ON r.kind = c.kind
                WHERE c.at >= :since
                GROUP BY c.person_id)""";

    private final DatabaseClient db;

    Points(DatabaseClient db) {
        this.db = db;
    }

    /** Points per kind of contribution ({@code points} an Integer: a request may leave it out, which is a 400). */
    public record Rule(String kind, Integer points) {}

    Flux<Rule> rules() {
        return db.sql("SELECT kind, points FROM point_rule ORDER BY position")
                .map(row -> new Rule(row.get("kind", String.class), row.get("points", Integer.class))).all();
    }

    /** Sets the points of the kinds given (others keep theirs); 400 for an unknown kind or a value out of 0–1000. */
    Mono<Void> setRules(List<Rule> rules) {
        return rules().map(Rule::kind).collectList().flatMap(kinds -> {
            for (Rule rule : rules) {
                if (rule == null || !kinds.contains(rule.kind())) {
                    return Mono.error(ApiProblems.invalid("rules", "the kinds are " + String.join(", ", kinds)));
                }
                if (rule.points() == null || rule.points() < 0 || rule.points() > 1000) {
                    return Mono.error(ApiProblems.invalid("rules", rule.kind() + ": points must be between 0 and 1000"));
                }
            }
            return Flux.fromIterable(rules)
                    .concatMap(rule -> db.sql("UPDATE point_rule SET points = :points WHERE kind = :kind")
                            .bind("points", rule.points()).bind("kind", rule.kind()).fetch().rowsUpdated())
                    .then();
        });
    }

    /** A person on a leaderboard. */
    public record Leader(int rank, String username, String name, String department, long points) {}

    /**
     * The people with the most points since a date, of one department or all; people who opted
     * out are left out (and so are disabled accounts).
     */
    Flux<Leader> people(OffsetDateTime since, String department, int limit) {
        return db.sql("""
                        WITH %s
                        SELECT p.username, p.display_name, p.department, s.points,
                               rank() OVER (ORDER BY s.points DESC) AS rank
                        FROM scored s JOIN person p ON p.id = s.person_id
                        WHERE p.disabled_at IS NULL AND NOT p.leaderboard_opt_out AND s.points > 0
                          AND (CAST(:department AS text) IS NULL OR p.department = :department)
                        ORDER BY s.points DESC, p.display_name
                        LIMIT :limit""".formatted(SCORED))
                .bind("since", since).bind("department", Parameter.fromOrEmpty(department, String.class)).bind("limit", limit)
                .map(row -> new Leader(row.get("rank", Long.class).intValue(), row.get("username", String.class),
                        row.get("display_name", String.class), row.get("department", String.class), row.get("points", Long.class)))
                .all();
    }

    /**
     * A department's standing: its points per person, so a small team can lead. Only people who
     * take part count, in the points and in the size: someone who opted out is in neither.
     */
    public record DepartmentStanding(int rank, String department, long people, long points, BigDecimal perPerson) {}

    Flux<DepartmentStanding> departments(OffsetDateTime since) {
        return db.sql("""
                        WITH %s,
                        players AS (
                            SELECT p.department, p.id FROM person p
                            WHERE p.department IS NOT NULL AND p.disabled_at IS NULL AND NOT p.leaderboard_opt_out)
                        SELECT pl.department, count(*) AS people, COALESCE(sum(s.points), 0) AS points
                        FROM players pl LEFT JOIN scored s ON s.person_id = pl.id
                        GROUP BY pl.department""".formatted(SCORED))
                .bind("since", since)
                .map(row -> {
                    long people = row.get("people", Long.class);
                    long points = row.get("points", Long.class);
                    return new DepartmentStanding(0, row.get("department", String.class), people, points,
                            BigDecimal.valueOf(points).divide(BigDecimal.valueOf(people), 2, RoundingMode.HALF_UP));
                })
                .all()
                .sort((a, b) -> b.perPerson().compareTo(a.perPerson()) != 0 ? b.perPerson().compareTo(a.perPerson())
                        : a.department().compareTo(b.department()))
                .index((index, standing) -> new DepartmentStanding(index.intValue() + 1, standing.department(), standing.people(),
                        standing.points(), standing.perPerson()));
    }

    /** One person's points since a date and rank among those who take part (null if they opted out). */
    public record Standing(long points, Integer rank) {}

    Mono<Standing> standing(UUID personId, OffsetDateTime since) {
        return db.sql("""
                        WITH %s
                        SELECT COALESCE((SELECT points FROM scored WHERE person_id = :person), 0) AS points,
                               (SELECT leaderboard_opt_out FROM person WHERE id = :person) AS opted_out,
                               1 + (SELECT count(*) FROM scored s JOIN person p ON p.id = s.person_id
                                    WHERE p.disabled_at IS NULL AND NOT p.leaderboard_opt_out
                                      AND s.points > COALESCE((SELECT points FROM scored WHERE person_id = :person), 0)) AS rank""".formatted(SCORED))
                .bind("since", since).bind("person", personId)
                .map(row -> {
                    long points = row.get("points", Long.class);
                    boolean optedOut = Boolean.TRUE.equals(row.get("opted_out", Boolean.class));
                    return new Standing(points, optedOut || points == 0 ? null : row.get("rank", Long.class).intValue());
                })
                .one();
    }

    /** A person's contributions by kind, their points, and the badges they earned with the date each was earned. */
    public record Achievements(long points, Map<String, Long> contributions, List<Earned> badges) {}

    public record Earned(String id, OffsetDateTime earnedAt) {}

    Mono<Achievements> achievements(UUID personId) {
        return db.sql("""
                        SELECT c.kind, c.at, r.points
                        FROM contribution c JOIN point_rule r ON r.kind = c.kind
                        WHERE c.person_id = :person
                        ORDER BY c.at, c.kind, c.source_id""")
                .bind("person", personId)
                .map(row -> new Contribution(row.get("kind", String.class), row.get("at", OffsetDateTime.class),
                        row.get("points", Integer.class)))
                .all()
                .collectList()
                .map(Points::achievementsOf);
    }

    record Contribution(String kind, OffsetDateTime at, int points) {}

    /** Walks the contributions in time order: counts, running points, and when each badge's threshold was met. */
    static Achievements achievementsOf(List<Contribution> contributions) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, OffsetDateTime> earned = new HashMap<>();
        long points = 0;
        for (Contribution contribution : contributions) {
            long count = counts.merge(contribution.kind(), 1L, Long::sum);
            points += contribution.points();
            for (Badge badge : Badge.ALL) {
                boolean met = badge.kind().equals(Badge.POINTS) ? points >= badge.threshold()
                        : badge.kind().equals(contribution.kind()) && count >= badge.threshold();
                if (met) {
                    earned.putIfAbsent(badge.id(), contribution.at());
                }
            }
        }
        List<Earned> badges = new ArrayList<>();
        Badge.ALL.stream().filter(badge -> earned.containsKey(badge.id())).forEach(badge -> badges.add(new Earned(badge.id(), earned.get(badge.id()))));
        return new Achievements(points, counts, badges);
    }

    Mono<Boolean> optedOut(UUID personId) {
        return db.sql("SELECT leaderboard_opt_out FROM person WHERE id = :id").bind("id", personId)
                .map(row -> Boolean.TRUE.equals(row.get("leaderboard_opt_out", Boolean.class))).one();
    }

    Mono<Void> optOut(UUID personId, boolean optOut) {
        return db.sql("UPDATE person SET leaderboard_opt_out = :out WHERE id = :id").bind("out", optOut).bind("id", personId).then();
    }

    /** A person's id and whether they opted out, by username (empty: no such person). */
    Mono<Map.Entry<UUID, Boolean>> person(String username) {
        return db.sql("SELECT id, leaderboard_opt_out FROM person WHERE username = :username").bind("username", username)
                .map(row -> Map.entry(row.get("id", UUID.class), Boolean.TRUE.equals(row.get("leaderboard_opt_out", Boolean.class))))
                .one();
    }
}
