package io.vigie.points;

import io.vigie.web.ApiProblems;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

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
    private final PointsProperties properties;
    private final Map<String, Mono<Board>> boards = new ConcurrentHashMap<>();

    Points(DatabaseClient db, PointsProperties properties) {
        this.db = db;
        this.properties = properties;
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
     * A department's standing: its points per person, so a small team can lead. Only people who
     * take part count, in the points and in the size: someone who opted out is in neither.
     */
    public record DepartmentStanding(int rank, String department, long people, long points, BigDecimal perPerson) {}

    /** One person's points in a period and rank among those who take part (null if they opted out or have none). */
    public record Standing(long points, Integer rank) {}

    /** A person's points in a period; {@code takesPart}: not opted out, not disabled. */
    record Entry(UUID id, String username, String name, String department, boolean takesPart, long points) {}

    /** Everyone's points in one period: what every leaderboard and standing of that period is read from. */
    record Board(List<Entry> entries) {}

    /**
     * The period's board: one pass over the contributions, shared by every reader for
     * {@code vigie.points.cache-time-to-live} (a leaderboard may lag a new post by that much;
     * changing the rules or opting out clears it at once).
     */
    Mono<Board> board(String period) {
        if (properties.cacheTimeToLive().isZero()) {
            return compute(period);
        }
        return boards.computeIfAbsent(period, key -> compute(key)
                .cache(board -> properties.cacheTimeToLive(), error -> Duration.ZERO, () -> Duration.ZERO));
    }

    /** Drops the shared boards: the next read computes them again. */
    void forget() {
        boards.clear();
    }

    private Mono<Board> compute(String period) {
        return Mono.defer(() -> db.sql("""
                                WITH %s
                                SELECT p.id, p.username, p.display_name, p.department,
                                       NOT p.leaderboard_opt_out AND p.disabled_at IS NULL AS takes_part,
                                       COALESCE(s.points, 0) AS points
                                FROM person p LEFT JOIN scored s ON s.person_id = p.id""".formatted(SCORED))
                        .bind("since", since(period))
                        .map(row -> new Entry(row.get("id", UUID.class), row.get("username", String.class),
                                row.get("display_name", String.class), row.get("department", String.class),
                                Boolean.TRUE.equals(row.get("takes_part", Boolean.class)), row.get("points", Long.class)))
                        .all()
                        .collectList()
                        .map(Board::new));
    }

    /** The start of a period; all time starts before Vigie did. 400 for an unknown period. */
    static OffsetDateTime since(String period) {
        OffsetDateTime now = OffsetDateTime.now();
        return switch (period) {
            case "week" -> now.minusDays(7);
            case "month" -> now.minusDays(30);
            case "all" -> OffsetDateTime.parse("2000-01-01T00:00:00Z");
            default -> throw ApiProblems.invalid("period", "must be week, month or all");
        };
    }

    /** The people with the most points, of one department or all (null), who take part; ties share a rank. */
    static List<Leader> leaders(Board board, String department, int limit) {
        List<Entry> ranked = board.entries().stream()
                .filter(entry -> entry.takesPart() && entry.points() > 0)
                .filter(entry -> department == null || department.equals(entry.department()))
                .sorted(java.util.Comparator.comparingLong(Entry::points).reversed().thenComparing(Entry::name))
                .toList();
        List<Leader> leaders = new ArrayList<>();
        for (int i = 0; i < ranked.size() && i < limit; i++) {
            Entry entry = ranked.get(i);
            int rank = i > 0 && ranked.get(i - 1).points() == entry.points() ? leaders.get(i - 1).rank() : i + 1;
            leaders.add(new Leader(rank, entry.username(), entry.name(), entry.department(), entry.points()));
        }
        return leaders;
    }

    /** Departments by points per person among the people who take part, best first. */
    static List<DepartmentStanding> departments(Board board) {
        Map<String, long[]> totals = new HashMap<>();
        for (Entry entry : board.entries()) {
            if (entry.takesPart() && entry.department() != null) {
                long[] total = totals.computeIfAbsent(entry.department(), key -> new long[2]);
                total[0]++;
                total[1] += entry.points();
            }
        }
        List<DepartmentStanding> standings = totals.entrySet().stream()
                .map(total -> new DepartmentStanding(0, total.getKey(), total.getValue()[0], total.getValue()[1],
                        BigDecimal.valueOf(total.getValue()[1]).divide(BigDecimal.valueOf(total.getValue()[0]), 2, RoundingMode.HALF_UP)))
                .sorted(java.util.Comparator.comparing(DepartmentStanding::perPerson).reversed()
                        .thenComparing(DepartmentStanding::department))
                .toList();
        List<DepartmentStanding> ranked = new ArrayList<>();
        for (int i = 0; i < standings.size(); i++) {
            DepartmentStanding standing = standings.get(i);
            ranked.add(new DepartmentStanding(i + 1, standing.department(), standing.people(), standing.points(), standing.perPerson()));
        }
        return ranked;
    }

    /** Where one person stands: their points, and their rank unless they keep out or have none. */
    static Standing standing(Board board, UUID personId) {
        Entry mine = board.entries().stream().filter(entry -> entry.id().equals(personId)).findFirst().orElse(null);
        if (mine == null) {
            return new Standing(0, null);
        }
        if (!mine.takesPart() || mine.points() == 0) {
            return new Standing(mine.points(), null);
        }
        long ahead = board.entries().stream().filter(entry -> entry.takesPart() && entry.points() > mine.points()).count();
        return new Standing(mine.points(), (int) ahead + 1);
    }

    /** A person's contributions by kind, their points (all time and since a date), and the badges they earned, each dated. */
    public record Achievements(long points, long pointsSince, Map<String, Long> contributions, List<Earned> badges) {}

    public record Earned(String id, OffsetDateTime earnedAt) {}

    /** From this person's own contributions only: a profile never waits for the whole company's pass. */
    Mono<Achievements> achievements(UUID personId, OffsetDateTime since) {
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
                .map(contributions -> achievementsOf(contributions, since));
    }

    record Contribution(String kind, OffsetDateTime at, int points) {}

    /** Walks the contributions in time order: counts, running points, and when each badge's threshold was met. */
    static Achievements achievementsOf(List<Contribution> contributions, OffsetDateTime since) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, OffsetDateTime> earned = new HashMap<>();
        long points = 0;
        long pointsSince = 0;
        for (Contribution contribution : contributions) {
            long count = counts.merge(contribution.kind(), 1L, Long::sum);
            points += contribution.points();
            if (!contribution.at().isBefore(since)) {
                pointsSince += contribution.points();
            }
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
        return new Achievements(points, pointsSince, counts, badges);
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
