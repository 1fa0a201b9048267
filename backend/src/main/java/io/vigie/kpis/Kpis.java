package io.vigie.kpis;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.vigie.search.ShardFailures;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The KPIs of a date range (UTC days, both ends included), for the whole company or one
 * department: from PostgreSQL for people and content, from Elasticsearch's aggregations for the
 * engagement around shared articles. Content counts leave private spaces out, as points do: a
 * count must not tell anyone what happens where they cannot read.
 */
@Service
class Kpis {

    /** A range and a department ({@code null}: the company). */
    record Scope(LocalDate from, LocalDate to, String department) {
        Instant start() {
            return from.atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        Instant end() {
            return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
    }

    record Point(LocalDate start, long people) {}

    /** Distinct active people per day, per week (from Monday) and per month, and over the whole range. */
    record Active(long inRange, List<Point> days, List<Point> weeks, List<Point> months) {}

    record Activity(LocalDate day, long posts, long comments, long votes, long shares) {}

    /** {@code rate}: active people in the range over the department's people, in percent. */
    record Participation(String department, long people, long active, double rate) {}

    record Ideas(long submitted, long selected) {}

    /** {@code medianHoursToFirstAnswer} null when no question got an answer. */
    record Questions(long asked, long answered, double answeredRate, Double medianHoursToFirstAnswer) {}

    record Engagement(LocalDate day, long shares, long votes, long comments) {}

    record Theme(String theme, long engagements) {}

    record TrendEngagement(List<Engagement> days, List<Theme> themes) {}

    record AdvocacyRow(String department, long shares, long clicks, long uniqueClicks) {}

    record AdvocacyDay(LocalDate day, long shares, long clicks, long uniqueClicks) {}

    /** Advocacy in the range: by department, and over time. */
    record AdvocacyFigures(List<AdvocacyRow> departments, List<AdvocacyDay> days) {}

    record Contributor(String username, String name, String department, long points, long contributions) {}

    record Dashboard(LocalDate from, LocalDate to, String department, Active active, List<Activity> activity,
                     List<Participation> participation, Ideas ideas, Questions questions, TrendEngagement trends,
                     List<AdvocacyRow> advocacy, List<AdvocacyDay> advocacyDays, List<Contributor> contributors, long tookMillis) {}

    /** Who counts: people not disabled, of the department if one is chosen. */
    private static final String PEOPLE = """
            people AS (SELECT id, department FROM person
                       WHERE disabled_at IS NULL AND (:department = '' OR department = :department))""";

    /** A person is active on a day they used Vigie (a page or a call) or posted, commented or voted. */
    private static final String ACTIVE = PEOPLE + """
            ,
            activity AS (
                SELECT day, person_id FROM person_day WHERE day >= :fromDay AND day <= :toDay
                UNION
                SELECT (created_at AT TIME ZONE 'UTC')::date, author_id FROM post WHERE created_at >= :from AND created_at < :to
                UNION
                SELECT (created_at AT TIME ZONE 'UTC')::date, author_id FROM comment WHERE created_at >= :from AND created_at < :to
                UNION
                SELECT (voted_at AT TIME ZONE 'UTC')::date, person_id FROM vote WHERE voted_at >= :from AND voted_at < :to),
            active AS (SELECT a.day, a.person_id, pe.department FROM activity a JOIN people pe ON pe.id = a.person_id)""";

    /** Where counted content may be: a live post in an open or department space, by someone in scope. */
    private static final String COUNTED_POST = """
            p.deleted_at IS NULL AND p.hidden_at IS NULL AND s.kind <> 'private'""";

    private static final String IN_SCOPE = "(:department = '' OR pe.department = :department)";

    /** Past this many ranges and departments cached at once, the cache starts over (it stays small). */
    private static final int MAX_CACHED_SCOPES = 200;

    private final DatabaseClient db;
    private final ElasticsearchAsyncClient elasticsearch;
    private final KpisProperties properties;
    private final Map<Scope, Mono<Dashboard>> dashboards = new ConcurrentHashMap<>();

    Kpis(DatabaseClient db, ElasticsearchAsyncClient elasticsearch, KpisProperties properties) {
        this.db = db;
        this.elasticsearch = elasticsearch;
        this.properties = properties;
    }

    /**
     * Every chart of the dashboard, computed once per scope and shared for
     * {@code vigie.kpis.cache-time-to-live} (the page and its CSV files read the same figures).
     */
    Mono<Dashboard> dashboard(Scope scope) {
        if (properties.cacheTimeToLive().isZero()) {
            return compute(scope);
        }
        if (dashboards.size() > MAX_CACHED_SCOPES) {
            dashboards.clear();
        }
        return dashboards.computeIfAbsent(scope, key -> compute(key)
                .cache(dashboard -> properties.cacheTimeToLive(), error -> Duration.ZERO, () -> Duration.ZERO));
    }

    /** Every chart's queries, run side by side. */
    private Mono<Dashboard> compute(Scope scope) {
        long started = System.nanoTime();
        return Mono.zip(List.of(active(scope), activity(scope), participation(scope), ideas(scope), questions(scope), trends(scope),
                        advocacy(scope), contributors(scope)), parts -> parts)
                .map(parts -> {
                    @SuppressWarnings("unchecked")
                    Dashboard dashboard = new Dashboard(scope.from(), scope.to(), scope.department(), (Active) parts[0],
                            (List<Activity>) parts[1], (List<Participation>) parts[2], (Ideas) parts[3], (Questions) parts[4],
                            (TrendEngagement) parts[5], ((AdvocacyFigures) parts[6]).departments(),
                            ((AdvocacyFigures) parts[6]).days(), (List<Contributor>) parts[7],
                            (System.nanoTime() - started) / 1_000_000);
                    return dashboard;
                });
    }

    Mono<Active> active(Scope scope) {
        return query("""
                        WITH %s
                        SELECT 'day' AS unit, day AS start, count(DISTINCT person_id) AS people FROM active GROUP BY day
                        UNION ALL
                        SELECT 'week', date_trunc('week', day)::date, count(DISTINCT person_id) FROM active GROUP BY 2
                        UNION ALL
                        SELECT 'month', date_trunc('month', day)::date, count(DISTINCT person_id) FROM active GROUP BY 2
                        UNION ALL
                        SELECT 'range', :fromDay, count(DISTINCT person_id) FROM active""".formatted(ACTIVE), scope)
                .map(row -> Map.entry(row.get("unit", String.class), new Point(row.get("start", LocalDate.class), row.get("people", Long.class))))
                .all()
                .collectList()
                .map(rows -> {
                    Map<String, Map<LocalDate, Long>> byUnit = new HashMap<>();
                    rows.forEach(row -> byUnit.computeIfAbsent(row.getKey(), key -> new HashMap<>())
                            .put(row.getValue().start(), row.getValue().people()));
                    LocalDate firstWeek = scope.from().with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
                    LocalDate firstMonth = scope.from().withDayOfMonth(1);
                    return new Active(byUnit.getOrDefault("range", Map.of()).getOrDefault(scope.from(), 0L),
                            filled(scope.from(), scope.to(), day -> day.plusDays(1), byUnit.get("day")),
                            filled(firstWeek, scope.to(), day -> day.plusWeeks(1), byUnit.get("week")),
                            filled(firstMonth, scope.to(), day -> day.plusMonths(1), byUnit.get("month")));
                });
    }

    Mono<List<Activity>> activity(Scope scope) {
        return query("""
                        SELECT day, sum(posts)::bigint AS posts, sum(comments)::bigint AS comments, sum(votes)::bigint AS votes,
                               sum(shares)::bigint AS shares
                        FROM (
                            SELECT (p.created_at AT TIME ZONE 'UTC')::date AS day, (p.article_id IS NULL)::int AS posts, 0 AS comments,
                                   0 AS votes, (p.article_id IS NOT NULL)::int AS shares
                            FROM post p JOIN space s ON s.id = p.space_id JOIN person pe ON pe.id = p.author_id
                            WHERE p.created_at >= :from AND p.created_at < :to AND %1$s AND %2$s
                            UNION ALL
                            SELECT (c.created_at AT TIME ZONE 'UTC')::date, 0, 1, 0, 0
                            FROM comment c JOIN post p ON p.id = c.post_id JOIN space s ON s.id = p.space_id
                                 JOIN person pe ON pe.id = c.author_id
                            WHERE c.created_at >= :from AND c.created_at < :to AND c.deleted_at IS NULL AND c.hidden_at IS NULL
                              AND %1$s AND %2$s
                            UNION ALL
                            SELECT (v.voted_at AT TIME ZONE 'UTC')::date, 0, 0, 1, 0
                            FROM vote v JOIN post p ON v.target_type = 'post' AND p.id = v.target_id JOIN space s ON s.id = p.space_id
                                 JOIN person pe ON pe.id = v.person_id
                            WHERE v.voted_at >= :from AND v.voted_at < :to AND %1$s AND %2$s
                            UNION ALL
                            SELECT (v.voted_at AT TIME ZONE 'UTC')::date, 0, 0, 1, 0
                            FROM vote v JOIN comment c ON v.target_type = 'comment' AND c.id = v.target_id
                                 JOIN post p ON p.id = c.post_id JOIN space s ON s.id = p.space_id JOIN person pe ON pe.id = v.person_id
                            WHERE v.voted_at >= :from AND v.voted_at < :to AND c.deleted_at IS NULL AND %1$s AND %2$s
                        ) counted
                        GROUP BY day""".formatted(COUNTED_POST, IN_SCOPE), scope)
                .map(row -> new Activity(row.get("day", LocalDate.class), row.get("posts", Long.class), row.get("comments", Long.class),
                        row.get("votes", Long.class), row.get("shares", Long.class)))
                .all()
                .collectMap(Activity::day)
                .map(byDay -> days(scope).stream().map(day -> byDay.getOrDefault(day, new Activity(day, 0, 0, 0, 0))).toList());
    }

    Mono<List<Participation>> participation(Scope scope) {
        return query("""
                        WITH %s
                        SELECT pe.department, count(*) AS people, count(act.person_id) AS active
                        FROM people pe LEFT JOIN (SELECT DISTINCT person_id FROM active) act ON act.person_id = pe.id
                        WHERE pe.department IS NOT NULL
                        GROUP BY pe.department ORDER BY pe.department""".formatted(ACTIVE), scope)
                .map(row -> {
                    long people = row.get("people", Long.class);
                    long active = row.get("active", Long.class);
                    return new Participation(row.get("department", String.class), people, active, percent(active, people));
                })
                .all()
                .collectList();
    }

    Mono<Ideas> ideas(Scope scope) {
        return query("""
                        SELECT (SELECT count(*) FROM post p JOIN space s ON s.id = p.space_id JOIN person pe ON pe.id = p.author_id
                                WHERE p.kind = 'idea' AND p.created_at >= :from AND p.created_at < :to AND %1$s AND %2$s) AS submitted,
                               (SELECT count(DISTINCT e.idea_id)
                                FROM idea_event e JOIN post p ON p.id = e.idea_id JOIN space s ON s.id = p.space_id
                                     JOIN person pe ON pe.id = p.author_id
                                WHERE e.status = 'selected' AND e.at >= :from AND e.at < :to AND %1$s AND %2$s) AS selected
                        """.formatted(COUNTED_POST, IN_SCOPE), scope)
                .map(row -> new Ideas(row.get("submitted", Long.class), row.get("selected", Long.class)))
                .one();
    }

    /** Questions asked in the range; an answer is a top-level comment from someone else, at any time since. */
    Mono<Questions> questions(Scope scope) {
        return query("""
                        SELECT count(*) AS asked, count(q.first_answer) AS answered,
                               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM q.first_answer - q.created_at)) AS median
                        FROM (SELECT p.created_at,
                                     (SELECT min(c.created_at) FROM comment c
                                      WHERE c.post_id = p.id AND c.parent_id IS NULL AND c.author_id <> p.author_id
                                        AND c.deleted_at IS NULL AND c.hidden_at IS NULL) AS first_answer
                              FROM post p JOIN space s ON s.id = p.space_id JOIN person pe ON pe.id = p.author_id
                              WHERE p.kind = 'question' AND p.created_at >= :from AND p.created_at < :to AND %1$s AND %2$s) q
                        """.formatted(COUNTED_POST, IN_SCOPE), scope)
                .map(row -> {
                    long asked = row.get("asked", Long.class);
                    long answered = row.get("answered", Long.class);
                    Double median = row.get("median", Double.class);
                    return new Questions(asked, answered, percent(answered, asked),
                            median == null ? null : Math.round(median / 36.0) / 100.0);
                })
                .one();
    }

    /**
     * Engagement around shared articles (shares, votes, comments) per day and the themes it
     * went to, from the engagement documents of open and department spaces.
     */
    Mono<TrendEngagement> trends(Scope scope) {
        Query query = Query.of(q -> q.bool(b -> {
            b.filter(f -> f.term(t -> t.field("type").value("engagement")));
            b.filter(f -> f.terms(t -> t.field("space_visibility")
                    .terms(v -> v.value(List.of(FieldValue.of("open"), FieldValue.of("department"))))));
            b.filter(f -> f.range(r -> r.date(d -> d.field("created_at").gte(scope.start().toString()).lt(scope.end().toString()))));
            if (scope.department() != null) {
                b.filter(f -> f.term(t -> t.field("department").value(scope.department())));
            }
            return b;
        }));
        Map<String, Aggregation> aggregations = Map.of(
                "days", Aggregation.of(a -> a
                        .dateHistogram(h -> h.field("created_at").calendarInterval(CalendarInterval.Day).timeZone("UTC"))
                        .aggregations("kinds", Aggregation.of(k -> k.terms(t -> t.field("kind").size(10))))),
                "themes", Aggregation.of(a -> a.terms(t -> t.field("tags").size(10))));
        return ShardFailures.retried(Mono.fromFuture(() -> elasticsearch.search(s -> s.index("vigie-content").size(0)
                                .trackTotalHits(t -> t.enabled(false)).query(query).aggregations(aggregations), Void.class))
                        .flatMap(ShardFailures::check))
                .map(response -> trendsOf(response, scope));
    }

    /** Shares (tracked links made) and clicks by the sharer's department and day, summed both ways. */
    Mono<AdvocacyFigures> advocacy(Scope scope) {
        return query("""
                        SELECT department, day, sum(shares)::bigint AS shares, sum(clicks)::bigint AS clicks,
                               sum(unique_clicks)::bigint AS unique_clicks
                        FROM (SELECT COALESCE(l.department, '') AS department, (l.created_at AT TIME ZONE 'UTC')::date AS day,
                                     1 AS shares, 0 AS clicks, 0 AS unique_clicks
                              FROM advocacy_link l
                              WHERE l.created_at >= :from AND l.created_at < :to AND (:department = '' OR l.department = :department)
                              UNION ALL
                              SELECT COALESCE(l.department, ''), (k.at AT TIME ZONE 'UTC')::date, 0, 1,
                                     CASE WHEN k.first_visit THEN 1 ELSE 0 END
                              FROM advocacy_click k JOIN advocacy_link l ON l.code = k.code
                              WHERE k.at >= :from AND k.at < :to AND (:department = '' OR l.department = :department)) counted
                        GROUP BY department, day""", scope)
                .map(row -> new Object[] {row.get("department", String.class), row.get("day", LocalDate.class),
                        new long[] {row.get("shares", Long.class), row.get("clicks", Long.class), row.get("unique_clicks", Long.class)}})
                .all()
                .collectList()
                .map(rows -> {
                    Map<String, long[]> byDepartment = new HashMap<>();
                    Map<LocalDate, long[]> byDay = new HashMap<>();
                    for (Object[] row : rows) {
                        long[] counts = (long[]) row[2];
                        add(byDepartment.computeIfAbsent((String) row[0], key -> new long[3]), counts);
                        add(byDay.computeIfAbsent((LocalDate) row[1], key -> new long[3]), counts);
                    }
                    List<AdvocacyRow> departments = byDepartment.entrySet().stream()
                            .map(entry -> new AdvocacyRow(entry.getKey(), entry.getValue()[0], entry.getValue()[1], entry.getValue()[2]))
                            .sorted(java.util.Comparator.comparingLong(AdvocacyRow::clicks).reversed().thenComparing(AdvocacyRow::department))
                            .toList();
                    List<AdvocacyDay> days = days(scope).stream().map(day -> {
                        long[] counts = byDay.getOrDefault(day, new long[3]);
                        return new AdvocacyDay(day, counts[0], counts[1], counts[2]);
                    }).toList();
                    return new AdvocacyFigures(departments, days);
                });
    }

    private static void add(long[] total, long[] counts) {
        for (int i = 0; i < total.length; i++) {
            total[i] += counts[i];
        }
    }

    /** The ten people with the most points in the range; people who keep out of leaderboards are left out here too. */
    Mono<List<Contributor>> contributors(Scope scope) {
        return query("""
                        SELECT pe.username, pe.display_name, pe.department, sum(r.points)::bigint AS points, count(*) AS contributions
                        FROM contribution c JOIN point_rule r ON r.kind = c.kind JOIN person pe ON pe.id = c.person_id
                        WHERE c.at >= :from AND c.at < :to AND NOT pe.leaderboard_opt_out AND pe.disabled_at IS NULL AND %s
                        GROUP BY pe.id, pe.username, pe.display_name, pe.department
                        ORDER BY points DESC, pe.display_name
                        LIMIT 10""".formatted(IN_SCOPE), scope)
                .map(row -> new Contributor(row.get("username", String.class), row.get("display_name", String.class),
                        row.get("department", String.class), row.get("points", Long.class), row.get("contributions", Long.class)))
                .all()
                .collectList();
    }

    // --- Pieces --------------------------------------------------------------------------------

    /** The statement with the scope's values bound, each only where the text names it (R2DBC refuses the others). */
    private DatabaseClient.GenericExecuteSpec query(String text, Scope scope) {
        Map<String, Object> values = Map.of(
                "from", scope.start().atOffset(ZoneOffset.UTC),
                "to", scope.end().atOffset(ZoneOffset.UTC),
                "department", scope.department() == null ? "" : scope.department(),
                "fromDay", scope.from(),
                "toDay", scope.to());
        DatabaseClient.GenericExecuteSpec sql = db.sql(text);
        for (Map.Entry<String, Object> value : values.entrySet()) {
            if (Pattern.compile(":" + value.getKey() + "\\b").matcher(text).find()) {
                sql = sql.bind(value.getKey(), value.getValue());
            }
        }
        return sql;
    }

    private static List<LocalDate> days(Scope scope) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = scope.from(); !day.isAfter(scope.to()); day = day.plusDays(1)) {
            days.add(day);
        }
        return days;
    }

    /** One point per step from {@code first} to {@code last}, zero where nobody was active. */
    private static List<Point> filled(LocalDate first, LocalDate last, UnaryOperator<LocalDate> next, Map<LocalDate, Long> counts) {
        List<Point> points = new ArrayList<>();
        for (LocalDate start = first; !start.isAfter(last); start = next.apply(start)) {
            points.add(new Point(start, counts == null ? 0 : counts.getOrDefault(start, 0L)));
        }
        return points;
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : Math.round(part * 1000.0 / whole) / 10.0;
    }

    private static TrendEngagement trendsOf(SearchResponse<Void> response, Scope scope) {
        Map<LocalDate, Engagement> byDay = new HashMap<>();
        response.aggregations().get("days").dateHistogram().buckets().array().forEach(bucket -> {
            LocalDate day = Instant.ofEpochMilli(bucket.key()).atZone(ZoneOffset.UTC).toLocalDate();
            Map<String, Long> kinds = new HashMap<>();
            bucket.aggregations().get("kinds").sterms().buckets().array()
                    .forEach(kind -> kinds.put(kind.key().stringValue(), kind.docCount()));
            byDay.put(day, new Engagement(day, kinds.getOrDefault("share", 0L), kinds.getOrDefault("vote", 0L),
                    kinds.getOrDefault("comment", 0L)));
        });
        List<Engagement> days = days(scope).stream().map(day -> byDay.getOrDefault(day, new Engagement(day, 0, 0, 0))).toList();
        List<Theme> themes = response.aggregations().get("themes").sterms().buckets().array().stream()
                .map(bucket -> new Theme(bucket.key().stringValue(), bucket.docCount()))
                .toList();
        return new TrendEngagement(days, themes);
    }

    /** The longest range one request may ask for. */
    static final long MAX_DAYS = 366;

    static long length(Scope scope) {
        return ChronoUnit.DAYS.between(scope.from(), scope.to()) + 1;
    }
}
