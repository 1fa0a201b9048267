package io.vigie.trends;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.DateRangeExpression;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.util.NamedValue;
import io.vigie.search.Visibility;
import io.vigie.spaces.Reader;
import io.vigie.spaces.SpaceService;
import io.vigie.web.ApiProblems;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Trends for one reader, from the engagement documents, always inside the reader's visibility
 * filter: what a reader may not see never enters a count. Company-wide means the open and
 * department spaces (a private space's activity never trends outside it), and shows only
 * articles a moderator approved or that come from a trusted site.
 */
@Service
public class TrendsService {

    static final String INDEX = "vigie-content";
    private static final String PERSON = "author_id";

    /** Where trends are computed: company-wide, or one space. */
    public record Scope(UUID spaceId) {

        public static final Scope COMPANY = new Scope(null);

        boolean company() {
            return spaceId == null;
        }
    }

    /** How long "top" looks back. */
    public enum Period {
        DAY(Duration.ofDays(1)), WEEK(Duration.ofDays(7)), MONTH(Duration.ofDays(30));

        final Duration length;

        Period(Duration length) {
            this.length = length;
        }

        static Period parse(String value) {
            try {
                return valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw ApiProblems.invalid("period", "must be day, week or month");
            }
        }
    }

    private final ElasticsearchAsyncClient elasticsearch;
    private final TrendsProperties properties;
    private final TrendsRepository repository;
    private final SpaceService spaces;

    TrendsService(ElasticsearchAsyncClient elasticsearch, TrendsProperties properties, TrendsRepository repository, SpaceService spaces) {
        this.elasticsearch = elasticsearch;
        this.properties = properties;
        this.repository = repository;
        this.spaces = spaces;
    }

    /** Rising articles, best first. */
    public Mono<List<TrendViews.ArticleTrend>> rising(Reader reader, Scope scope, Instant now) {
        return checked(reader, scope)
                .then(risingCandidates(reader, scope, now))
                .flatMap(trends -> scope.company() ? approvedOnly(trends) : Mono.just(trends))
                .map(trends -> trends.stream().limit(properties.size()).toList());
    }

    /** The most engaged-with articles over a period: distinct people, then departments. */
    public Mono<List<TrendViews.ArticleTrend>> top(Reader reader, Scope scope, Period period, Instant now) {
        return top(reader, scope, now.minus(period.length), now);
    }

    /** The most engaged-with articles between two instants (a week for a digest). */
    public Mono<List<TrendViews.ArticleTrend>> top(Reader reader, Scope scope, Instant from, Instant now) {
        Duration length = Duration.between(from, now);
        Duration interval = length.compareTo(Duration.ofDays(2)) <= 0 ? Duration.ofHours(1) : Duration.ofDays(1);
        // The most engaged-with first (doc count, cheap), with their sub-aggregations computed for those
        // only (breadth first); then ordered by distinct people.
        Aggregation articles = Aggregation.of(a -> a
                .terms(t -> t.field("article_id").size(properties.candidates())
                        .collectMode(co.elastic.clients.elasticsearch._types.aggregations.TermsAggregationCollectMode.BreadthFirst))
                .aggregations("people", people())
                .aggregations("departments", departments())
                .aggregations("curve", curve(from, now, interval)));
        return checked(reader, scope)
                .then(search(base(reader, scope, from, now), Map.of("articles", articles)))
                .flatMap(response -> cardsFor(buckets(response, "articles"), bucket ->
                        new Scored(bucket.key().stringValue(), cardinality(bucket.aggregations(), "people"),
                                TrendViews.Reason.of(cardinality(bucket.aggregations(), "people"),
                                        cardinality(bucket.aggregations(), "departments"), length.toHours(), 0),
                                curvePoints(bucket.aggregations()))))
                .map(trends -> trends.stream().sorted(Comparator.comparingDouble(TrendViews.ArticleTrend::score).reversed()).toList())
                .flatMap(trends -> scope.company() ? approvedOnly(trends) : Mono.just(trends))
                .map(trends -> trends.stream().limit(properties.size()).toList());
    }

    /** Articles first shared in the last week, newest first. */
    public Mono<List<TrendViews.ArticleTrend>> fresh(Reader reader, Scope scope, Instant now) {
        Instant from = now.minus(Duration.ofDays(7));
        Aggregation articles = Aggregation.of(a -> a
                .terms(t -> t.field("article_id").size(properties.size()).order(List.of(NamedValue.of("first", SortOrder.Desc))))
                .aggregations("first", m -> m.min(min -> min.field("created_at")))
                .aggregations("people", people())
                .aggregations("departments", departments()));
        return checked(reader, scope)
                .then(search(base(reader, scope, from, null), Map.of("articles", articles)))
                .flatMap(response -> cardsFor(buckets(response, "articles"), bucket -> {
                    double first = bucket.aggregations().get("first").min().value();
                    long hoursAgo = Duration.between(Instant.ofEpochMilli((long) first), now).toHours();
                    return new Scored(bucket.key().stringValue(), first,
                            TrendViews.Reason.of(cardinality(bucket.aggregations(), "people"),
                                    cardinality(bucket.aggregations(), "departments"), Math.max(1, hoursAgo), 0), List.of());
                }));
    }

    /** Themes: rising (the rising score on themes) and significant (more frequent now than in the background). */
    public Mono<TrendViews.Topics> topics(Reader reader, Scope scope, Instant now) {
        Instant recent = now.minus(properties.topicWindow());
        Instant background = now.minus(properties.topicBackground());
        Aggregation significant = Aggregation.of(a -> a
                .significantTerms(st -> st.field("tags").size(properties.size()).minDocCount((long) properties.minPeople())
                        .backgroundFilter(base(reader, scope, background, null)))
                .aggregations("people", people())
                .aggregations("departments", departments()));
        Mono<List<TrendViews.TopicTrend>> significantTopics = search(base(reader, scope, recent, null), Map.of("topics", significant))
                .map(response -> {
                    Aggregate topics = response.aggregations().get("topics");
                    return topics.sigsterms().buckets().array().stream()
                            .filter(bucket -> cardinality(bucket.aggregations(), "people") >= properties.minPeople())
                            .map(bucket -> new TrendViews.TopicTrend(bucket.key(), round(bucket.score()),
                                    TrendViews.Reason.of(cardinality(bucket.aggregations(), "people"),
                                            cardinality(bucket.aggregations(), "departments"), properties.topicWindow().toHours(), 0)))
                            .toList();
                });
        return checked(reader, scope)
                .then(halfLife(scope))
                .flatMap(halfLife -> Mono.zip(
                        risingBy("tags", reader, scope, now, halfLife).map(scored -> scored.stream()
                                .limit(properties.size())
                                .map(s -> new TrendViews.TopicTrend(s.key(), round(s.score()), s.reason())).toList()),
                        significantTopics))
                .map(both -> new TrendViews.Topics(both.getT1(), both.getT2()));
    }

    /** One theme: its activity over the topic background period, and its most engaged-with articles. */
    public Mono<TrendViews.Topic> topic(Reader reader, Scope scope, String topic, Instant now) {
        Instant from = now.minus(properties.topicBackground());
        Query withTopic = Query.of(q -> q.bool(b -> b.filter(base(reader, scope, from, null))
                .filter(f -> f.term(t -> t.field("tags").value(topic)))));
        Aggregation articles = Aggregation.of(a -> a
                .terms(t -> t.field("article_id").size(properties.size()).order(List.of(NamedValue.of("people", SortOrder.Desc))))
                .aggregations("people", people())
                .aggregations("departments", departments()));
        return checked(reader, scope)
                .then(search(withTopic, Map.of("articles", articles, "curve", curve(from, now, Duration.ofDays(1)))))
                .flatMap(response -> cardsFor(buckets(response, "articles"), bucket ->
                                new Scored(bucket.key().stringValue(), cardinality(bucket.aggregations(), "people"),
                                        TrendViews.Reason.of(cardinality(bucket.aggregations(), "people"),
                                                cardinality(bucket.aggregations(), "departments"), properties.topicBackground().toHours(), 0),
                                        List.of()))
                        .map(trends -> new TrendViews.Topic(topic, curvePoints(response.aggregations()), trends)));
    }

    /** Company-wide rising articles that no moderator decided yet and whose site is not trusted. */
    public Mono<List<TrendViews.Candidate>> reviewQueue(Reader moderator, Instant now) {
        return risingCandidates(moderator, Scope.COMPANY, now)
                .flatMap(trends -> Mono.zip(repository.reviews(trends.stream().map(t -> t.article().id()).toList()),
                                repository.trustedSites())
                        .map(both -> trends.stream()
                                .filter(trend -> {
                                    TrendsRepository.Review review = both.getT1().get(trend.article().id());
                                    return review != null && review.approved() == null && !both.getT2().contains(review.host());
                                })
                                .map(trend -> new TrendViews.Candidate(trend, both.getT1().get(trend.article().id()).host()))
                                .toList()));
    }

    // --- Rising -----------------------------------------------------------------------------

    private Mono<List<TrendViews.ArticleTrend>> risingCandidates(Reader reader, Scope scope, Instant now) {
        return halfLife(scope)
                .flatMap(halfLife -> risingBy("article_id", reader, scope, now, halfLife))
                .flatMap(scored -> cardsFor(scored, s -> s));
    }

    /**
     * The rising score of each value of a field (an article, a theme), in two requests. First the
     * candidates: the values with the most engagement in the lookback (only the lookback's
     * documents are read). Then, for those only, distinct people in the windows ending at every
     * step of the lookback and over the baseline before it: the costly aggregations never run on
     * the long tail of 100,000 articles. Best first; zero scores left out.
     */
    private Mono<List<Scored>> risingBy(String field, Reader reader, Scope scope, Instant now, Duration halfLife) {
        Instant lookbackStart = now.minus(properties.lookback());
        Instant from = lookbackStart.minus(properties.baseline());
        List<Instant> ends = new ArrayList<>();
        for (Instant end = now; !end.isBefore(lookbackStart); end = end.minus(properties.step())) {
            ends.add(end);
        }
        List<DateRangeExpression> ranges = new ArrayList<>();
        for (int i = 0; i < ends.size(); i++) {
            Instant end = ends.get(i);
            String key = Integer.toString(i);
            ranges.add(DateRangeExpression.of(r -> r.key(key)
                    .from(d -> d.expr(end.minus(properties.window()).toString())).to(d -> d.expr(end.toString()))));
        }
        // By number of acts, the terms aggregation's cheap default order: one person can share an article once per
        // space and vote once per share, so acts follow people closely; the exact distinct people come next.
        Aggregation mostPeople = Aggregation.of(a -> a.terms(t -> t.field(field).size(properties.candidates())));
        // Nothing after "now": the same computation can be replayed at an earlier instant (evaluation).
        return search(base(reader, scope, lookbackStart, now), Map.of("candidates", mostPeople))
                .map(response -> buckets(response, "candidates").stream().map(bucket -> FieldValue.of(bucket.key().stringValue())).toList())
                .flatMap(keys -> keys.isEmpty() ? Mono.just(List.<Scored>of())
                        : scoreCandidates(field, keys, reader, scope, now, halfLife, from, lookbackStart, ends, ranges));
    }

    private Mono<List<Scored>> scoreCandidates(String field, List<FieldValue> keys, Reader reader, Scope scope, Instant now,
                                               Duration halfLife, Instant from, Instant lookbackStart, List<Instant> ends,
                                               List<DateRangeExpression> ranges) {
        Aggregation candidates = Aggregation.of(a -> a
                .terms(t -> t.field(field).size(keys.size()).include(i -> i.terms(keys.stream().map(FieldValue::stringValue).toList())))
                .aggregations("recent", r -> r.filter(range(lookbackStart, null))
                        .aggregations("curve", curve(lookbackStart, now, properties.step())))
                .aggregations("baseline", r -> r.filter(range(from, lookbackStart)).aggregations("people", people()))
                .aggregations("windows", w -> w.dateRange(dr -> dr.field("created_at").ranges(ranges))
                        .aggregations("people", people())
                        .aggregations("departments", departments())));
        Query only = Query.of(q -> q.bool(b -> b.filter(base(reader, scope, from, now))
                .filter(f -> f.terms(t -> t.field(field).terms(v -> v.value(keys))))));
        return search(only, Map.of("candidates", candidates))
                .map(response -> buckets(response, "candidates").stream()
                        .map(bucket -> {
                            Map<String, Aggregate> aggs = bucket.aggregations();
                            List<RisingScore.Window> windows = aggs.get("windows").dateRange().buckets().array().stream()
                                    .map(w -> new RisingScore.Window(ends.get(Integer.parseInt(w.key())),
                                            cardinality(w.aggregations(), "people"), cardinality(w.aggregations(), "departments")))
                                    .toList();
                            RisingScore.Peak peak = RisingScore.peak(windows,
                                    aggs.get("baseline").filter().aggregations().get("people").cardinality().value(),
                                    properties.baseline(), properties.window(), properties.minPeople(), halfLife, now);
                            if (!peak.trending()) {
                                return null;
                            }
                            long hoursAgo = Duration.between(peak.window().end(), now).toHours();
                            return new Scored(bucket.key().stringValue(), peak.score(),
                                    TrendViews.Reason.of(peak.window().people(), peak.window().departments(),
                                            properties.window().toHours(), hoursAgo),
                                    curvePoints(aggs.get("recent").filter().aggregations()));
                        })
                        .filter(java.util.Objects::nonNull)
                        .sorted(Comparator.comparingDouble(Scored::score).reversed())
                        .toList());
    }

    // --- Pieces -----------------------------------------------------------------------------

    /** A scored value of a field before it is turned into a card: key, score, reason, curve. */
    private record Scored(String key, double score, TrendViews.Reason reason, List<TrendViews.Point> curve) {}

    /** The scope exists and the reader may see it (404 otherwise, as everywhere). */
    private Mono<Void> checked(Reader reader, Scope scope) {
        return scope.company() ? Mono.empty() : spaces.visibleSpace(reader, scope.spaceId()).then();
    }

    private Mono<Duration> halfLife(Scope scope) {
        return scope.company() ? Mono.just(properties.halfLife())
                : repository.halfLife(scope.spaceId()).map(own -> own.orElse(properties.halfLife()));
    }

    /** Engagement documents the reader may see, in the scope, since {@code from} (until {@code to} if given). */
    private static Query base(Reader reader, Scope scope, Instant from, Instant to) {
        return Query.of(q -> q.bool(b -> {
            b.filter(f -> f.term(t -> t.field("type").value("engagement")));
            b.filter(Visibility.scope(reader));
            if (scope.company()) {
                b.filter(f -> f.terms(t -> t.field("space_visibility")
                        .terms(v -> v.value(List.of(FieldValue.of("open"), FieldValue.of("department"))))));
            } else {
                b.filter(f -> f.term(t -> t.field("space_id").value(scope.spaceId().toString())));
            }
            b.filter(range(from, to));
            return b;
        }));
    }

    private static Query range(Instant from, Instant to) {
        return Query.of(q -> q.range(r -> r.date(d -> {
            d.field("created_at").gte(from.toString());
            if (to != null) {
                d.lt(to.toString());
            }
            return d;
        })));
    }

    private static Aggregation people() {
        return Aggregation.of(a -> a.cardinality(c -> c.field(PERSON)));
    }

    private static Aggregation departments() {
        return Aggregation.of(a -> a.cardinality(c -> c.field("department")));
    }

    /** Distinct people per bucket from {@code from} to {@code to}, empty buckets included. */
    private static Aggregation curve(Instant from, Instant to, Duration bucket) {
        Instant start = from.truncatedTo(ChronoUnit.HOURS);
        return Aggregation.of(a -> a
                .dateHistogram(h -> h.field("created_at").fixedInterval(Time.of(t -> t.time(bucket.toSeconds() + "s"))).minDocCount(0)
                        .extendedBounds(b -> b.min(millis(start)).max(millis(to))))
                .aggregations("people", people()));
    }

    private static co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath millis(Instant instant) {
        return co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath.of(m -> m.value(instant.toEpochMilli()));
    }

    private static List<TrendViews.Point> curvePoints(Map<String, Aggregate> aggregations) {
        Aggregate curve = aggregations.get("curve");
        if (curve == null) {
            return List.of();
        }
        return curve.dateHistogram().buckets().array().stream()
                .map(b -> new TrendViews.Point(Instant.ofEpochMilli(b.key()), cardinality(b.aggregations(), "people")))
                .toList();
    }

    /** Aggregations only; a response in which no shard answered is retried, never read as "no trends". */
    private Mono<SearchResponse<Void>> search(Query query, Map<String, Aggregation> aggregations) {
        return io.vigie.search.ShardFailures.retried(Mono.fromFuture(() -> elasticsearch.search(s -> s.index(INDEX).size(0)
                        .trackTotalHits(t -> t.enabled(false)).query(query).aggregations(aggregations), Void.class))
                .flatMap(io.vigie.search.ShardFailures::check));
    }

    private static List<StringTermsBucket> buckets(SearchResponse<Void> response, String name) {
        return response.aggregations().get(name).sterms().buckets().array();
    }

    private static long cardinality(Map<String, Aggregate> aggregations, String name) {
        return aggregations.get(name).cardinality().value();
    }

    /** Turns scored article ids into trends with their cards, in order (an article gone from PostgreSQL is skipped). */
    private <T> Mono<List<TrendViews.ArticleTrend>> cardsFor(List<T> items, Function<T, Scored> scoring) {
        List<Scored> scored = items.stream().map(scoring).toList();
        return repository.cards(scored.stream().map(s -> UUID.fromString(s.key())).toList())
                .map(cards -> scored.stream()
                        .filter(s -> cards.containsKey(UUID.fromString(s.key())))
                        .map(s -> new TrendViews.ArticleTrend(cards.get(UUID.fromString(s.key())), round(s.score()), s.reason(), s.curve()))
                        .toList());
    }

    /** Company-wide, only what a moderator approved or a trusted site published. */
    private Mono<List<TrendViews.ArticleTrend>> approvedOnly(List<TrendViews.ArticleTrend> trends) {
        return Mono.zip(repository.reviews(trends.stream().map(t -> t.article().id()).toList()), repository.trustedSites())
                .map(both -> trends.stream().filter(trend -> {
                    TrendsRepository.Review review = both.getT1().get(trend.article().id());
                    if (review == null) {
                        return false;
                    }
                    Set<String> trusted = both.getT2();
                    return review.approved() != null ? review.approved() : trusted.contains(review.host());
                }).toList());
    }

    private static double round(double score) {
        return Math.round(score * 100) / 100.0;
    }
}
