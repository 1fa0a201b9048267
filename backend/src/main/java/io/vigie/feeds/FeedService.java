package io.vigie.feeds;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch._types.query_dsl.FieldValueFactorModifier;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionBoostMode;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionScoreMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.vigie.posts.PostService;
import io.vigie.search.SortValues;
import io.vigie.search.ShardFailures;
import io.vigie.search.Visibility;
import io.vigie.posts.PostView;
import io.vigie.spaces.Reader;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Feeds come from Elasticsearch, always through {@link Visibility}: the home feed, a space's
 * feed, a person's posts and a hashtag's posts, ordered by relevance or by date, one cursor page
 * at a time.
 */
@Service
public class FeedService {

    static final String CONTENT = "vigie-content";
    /** Half-lives of the relevant feed's first window: 2^-20, about a millionth, is what an older post keeps of its freshness. */
    static final int RELEVANT_WINDOW_HALF_LIVES = 20;

    private final ElasticsearchAsyncClient elasticsearch;
    private final PostService posts;
    private final FeedProperties properties;

    FeedService(ElasticsearchAsyncClient elasticsearch, PostService posts, FeedProperties properties) {
        this.elasticsearch = elasticsearch;
        this.posts = posts;
        this.properties = properties;
    }

    /** Which posts a feed is made of, before visibility is applied. */
    sealed interface Scope {
        /** The reader's spaces (joined or followed) and the people they follow. */
        record Home(List<UUID> spaces, List<UUID> people) implements Scope {}
        record InSpace(UUID space) implements Scope {}
        record ByAuthor(String username) implements Scope {}
        record Tagged(String tag) implements Scope {}
        /** Questions, of one space or of every space the reader may see; only those with no accepted answer, or all. */
        record Questions(UUID space, boolean unansweredOnly) implements Scope {}
    }

    Mono<FeedPage> page(Reader reader, Scope scope, FeedOrder order, String cursor, Integer size) {
        if (scope instanceof Scope.Home home && home.spaces().isEmpty() && home.people().isEmpty()) {
            return Mono.just(new FeedPage(List.of(), null));
        }
        int pageSize = size == null ? properties.pageSize() : Math.clamp(size, 1, properties.maxPageSize());
        FeedCursor after = cursor == null || cursor.isBlank() ? null : FeedCursor.decode(cursor);
        long rankedAt = after != null ? after.rankedAt() : Instant.now().toEpochMilli();
        Query filter = Query.of(q -> q.bool(b -> b
                .filter(f -> f.term(t -> t.field("type").value("post")))
                .filter(Visibility.filter(reader))
                .filter(scopeFilter(scope))));
        boolean pinnedFirst = scope instanceof Scope.InSpace && order == FeedOrder.LATEST;
        if (order != FeedOrder.RELEVANT) {
            return hits(request(filter, order, pinnedFirst, rankedAt, after, pageSize)).flatMap(hits -> page(reader, hits, rankedAt, pageSize));
        }
        // The hot rank scores every post it is given. Posts older than the window have lost a million-fold to
        // freshness and cannot reach a page while the window still fills one: score the window first, and the
        // whole feed only when the window runs out (same scores and cursor, so the pages join up exactly).
        Instant windowStart = Instant.ofEpochMilli(rankedAt).minus(properties.halfLife().multipliedBy(RELEVANT_WINDOW_HALF_LIVES));
        Query recent = Query.of(q -> q.bool(b -> b.filter(filter).filter(f -> f.range(r -> r.date(d -> d.field("created_at")
                .gte(windowStart.toString()))))));
        return hits(request(recent, order, pinnedFirst, rankedAt, after, pageSize))
                .flatMap(hits -> hits.size() == pageSize ? Mono.just(hits) : hits(request(filter, order, pinnedFirst, rankedAt, after, pageSize)))
                .flatMap(hits -> page(reader, hits, rankedAt, pageSize));
    }

    /** A question like the one being typed, for the composer to suggest before a duplicate is asked. */
    public record SimilarQuestion(UUID id, String title, PostView.SpaceRef space, int answers, boolean answered) {}

    /**
     * Questions the reader may see whose title or text share words with {@code text} (at least a
     * third of them), best first; nothing for fewer than three characters.
     */
    Mono<List<SimilarQuestion>> similarQuestions(Reader reader, String text, int size) {
        if (text == null || text.strip().length() < 3) {
            return Mono.just(List.of());
        }
        SearchRequest request = SearchRequest.of(s -> s
                .index(CONTENT)
                .size(Math.clamp(size, 1, 10))
                .trackTotalHits(t -> t.enabled(false))
                .source(source -> source.filter(f -> f.includes("title", "space_id", "space_slug", "space_name", "comment_count",
                        "accepted_answer_id")))
                .query(q -> q.bool(b -> b
                        .filter(f -> f.term(t -> t.field("type").value("post")))
                        .filter(f -> f.term(t -> t.field("kind").value("question")))
                        .filter(Visibility.filter(reader))
                        .must(m -> m.multiMatch(mm -> mm.query(text.strip())
                                .fields("title^2", "title.fr^2", "title.en^2", "body", "body.fr", "body.en")
                                .minimumShouldMatch("30%"))))));
        return hits(request).map(hits -> hits.stream().map(hit -> {
            Map<String, Object> source = hit.source();
            return new SimilarQuestion(UUID.fromString(hit.id()), (String) source.get("title"),
                    new PostView.SpaceRef(UUID.fromString((String) source.get("space_id")), (String) source.get("space_slug"),
                            (String) source.get("space_name")),
                    number(source, "comment_count"), source.get("accepted_answer_id") != null);
        }).toList());
    }

    private SearchRequest request(Query filter, FeedOrder order, boolean pinnedFirst, long rankedAt, FeedCursor after, int pageSize) {
        return SearchRequest.of(s -> {
            s.index(CONTENT)
                    .size(pageSize)
                    .trackTotalHits(t -> t.enabled(false))
                    .source(source -> source.filter(f -> f.excludes("body")))
                    .query(order == FeedOrder.RELEVANT ? hotRank(filter, rankedAt) : filter)
                    .sort(sorts(order, pinnedFirst));
            if (after != null) {
                s.searchAfter(after.after().stream().map(SortValues::decode).toList());
            }
            return s;
        });
    }

    private Mono<List<Hit<Map>>> hits(SearchRequest request) {
        return ShardFailures.retried(Mono.fromFuture(() -> elasticsearch.search(request, Map.class))
                .flatMap(ShardFailures::check)
                .map(response -> response.hits().hits()));
    }

    /** The posts with the reader's own votes, and the cursor to the next page when this one is full. */
    private Mono<FeedPage> page(Reader reader, List<Hit<Map>> hits, long rankedAt, int pageSize) {
        List<UUID> ids = hits.stream().map(hit -> UUID.fromString(hit.id())).toList();
        String next = hits.size() < pageSize ? null
                : new FeedCursor(rankedAt, hits.getLast().sort().stream().map(SortValues::encode).toList()).encode();
        return Mono.zip(posts.votesOf(reader.personId(), ids), posts.pollsOf(reader.personId(), ids), posts.kudosOf(ids),
                        posts.ideasOf(reader, idsOfKind(hits, "idea"), idsOfKind(hits, "challenge")))
                .map(mine -> new FeedPage(hits.stream().map(hit -> toView(hit, mine.getT1()))
                        .map(post -> post.withPoll(mine.getT2().get(post.id())).withKudos(mine.getT3().get(post.id()))
                                .withIdeas(mine.getT4().getT1().get(post.id()), mine.getT4().getT2().get(post.id())))
                        .toList(), next));
    }

    /**
     * ln(2 + votes) and ln(2 + comments), weighted and summed, times an exponential freshness decay
     * with the configured half-life. Scriptless, so Elasticsearch can cache the filter part.
     */
    private Query hotRank(Query filter, long rankedAt) {
        Query engagement = Query.of(q -> q.functionScore(fs -> fs
                .query(filter)
                .functions(f -> f.fieldValueFactor(v -> v.field("positive_score").modifier(FieldValueFactorModifier.Ln2p).missing(0.0))
                        .weight(properties.voteWeight()))
                .functions(f -> f.fieldValueFactor(v -> v.field("comment_count").modifier(FieldValueFactorModifier.Ln2p).missing(0.0))
                        .weight(properties.commentWeight()))
                .scoreMode(FunctionScoreMode.Sum)
                .boostMode(FunctionBoostMode.Replace)));
        String halfLife = properties.halfLife().toMinutes() + "m";
        String origin = Instant.ofEpochMilli(rankedAt).toString();
        return Query.of(q -> q.functionScore(fs -> fs
                .query(engagement)
                .functions(f -> f.exp(decay -> decay.date(date -> date.field("created_at")
                        .placement(p -> p.origin(origin).scale(Time.of(t -> t.time(halfLife))).decay(0.5)))))
                .boostMode(FunctionBoostMode.Multiply)));
    }

    private static List<SortOptions> sorts(FeedOrder order, boolean pinnedFirst) {
        List<SortOptions> sorts = new ArrayList<>();
        if (pinnedFirst) {
            sorts.add(SortOptions.of(s -> s.field(f -> f.field("pinned").order(SortOrder.Desc))));
        }
        if (order == FeedOrder.RELEVANT) {
            sorts.add(SortOptions.of(s -> s.score(sc -> sc.order(SortOrder.Desc))));
        }
        sorts.add(SortOptions.of(s -> s.field(f -> f.field("created_at").order(SortOrder.Desc))));
        // A unique tiebreaker, so search_after never skips or repeats a post.
        sorts.add(SortOptions.of(s -> s.field(f -> f.field("item_id").order(SortOrder.Desc))));
        return sorts;
    }

    private static Query scopeFilter(Scope scope) {
        return switch (scope) {
            case Scope.Home home -> Query.of(q -> q.bool(b -> b
                    .should(s -> s.terms(t -> t.field("space_id").terms(v -> v.value(values(home.spaces())))))
                    .should(s -> s.terms(t -> t.field("author_id").terms(v -> v.value(values(home.people())))))
                    .minimumShouldMatch("1")));
            case Scope.InSpace space -> Query.of(q -> q.term(t -> t.field("space_id").value(space.space().toString())));
            case Scope.ByAuthor author -> Query.of(q -> q.term(t -> t.field("author_username").value(author.username())));
            case Scope.Tagged tag -> Query.of(q -> q.term(t -> t.field("tags").value(tag.tag())));
            case Scope.Questions questions -> Query.of(q -> q.bool(b -> {
                b.filter(f -> f.term(t -> t.field("kind").value("question")));
                if (questions.space() != null) {
                    b.filter(f -> f.term(t -> t.field("space_id").value(questions.space().toString())));
                }
                if (questions.unansweredOnly()) {
                    b.mustNot(n -> n.exists(e -> e.field("accepted_answer_id")));
                }
                return b;
            }));
        };
    }

    /** The kinds of post the index names (any other is an ordinary post). */
    private static final java.util.Set<String> KINDS = java.util.Set.of("question", "kudos", "idea", "challenge");

    /** The posts of one kind on a page: only those need their idea or challenge read from PostgreSQL. */
    private static List<UUID> idsOfKind(List<Hit<Map>> hits, String kind) {
        return hits.stream().filter(hit -> hit.source() != null && kind.equals(hit.source().get("kind")))
                .map(hit -> UUID.fromString(hit.id())).toList();
    }

    private static List<FieldValue> values(List<UUID> ids) {
        return ids.stream().map(id -> FieldValue.of(id.toString())).toList();
    }

    @SuppressWarnings("unchecked")
    private static PostView toView(Hit<Map> hit, Map<UUID, Integer> myVotes) {
        Map<String, Object> source = hit.source();
        UUID id = UUID.fromString(hit.id());
        return new PostView(id,
                new PostView.SpaceRef(UUID.fromString((String) source.get("space_id")), (String) source.get("space_slug"),
                        (String) source.get("space_name")),
                new PostView.AuthorRef(UUID.fromString((String) source.get("author_id")), (String) source.get("author_username"),
                        (String) source.get("author_name")),
                (String) source.get("body_html"),
                null,
                (List<String>) source.getOrDefault("tags", List.of()),
                OffsetDateTime.parse((String) source.get("created_at")),
                source.get("edited_at") == null ? null : OffsetDateTime.parse((String) source.get("edited_at")),
                number(source, "upvotes"), number(source, "downvotes"), number(source, "score"),
                number(source, "comment_count"),
                Boolean.TRUE.equals(source.get("pinned")),
                myVotes.getOrDefault(id, 0),
                articleCard(source),
                null,
                source.get("kind") instanceof String kind && KINDS.contains(kind) ? kind : "post",
                (String) source.get("title"),
                source.get("accepted_answer_id") instanceof String accepted ? UUID.fromString(accepted) : null,
                null, null, null);
    }

    /** A share's article, as its document carries it. */
    private static PostView.ArticleCard articleCard(Map<String, Object> source) {
        if (!(source.get("article_id") instanceof String articleId)) {
            return null;
        }
        return new PostView.ArticleCard(UUID.fromString(articleId), (String) source.get("article_url"), (String) source.get("title"),
                (String) source.get("article_description"), (String) source.get("article_image"), (String) source.get("article_site"));
    }

    private static int number(Map<String, Object> source, String field) {
        return source.get(field) instanceof Number n ? n.intValue() : 0;
    }
}
