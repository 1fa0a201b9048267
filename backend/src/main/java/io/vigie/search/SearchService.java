package io.vigie.search;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.CompletionSuggestOption;
import co.elastic.clients.elasticsearch.core.search.Highlight;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.util.NamedValue;
import io.vigie.spaces.Reader;
import io.vigie.web.ApiProblems;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * One search over everything the reader may read: posts, comments, spaces and people (and the
 * types later issues add to the same index). Every query, aggregation, suggestion and
 * more-like-this call carries {@link Visibility#filter}; suggestions, which take no filter, are
 * limited by their scope context instead.
 */
@Service
public class SearchService {

    static final String CONTENT = "vigie-content";

    /** How results are ordered. */
    public enum Sort {
        RELEVANCE, NEWEST, TOP;

        static Sort parse(String value) {
            if (value == null || value.isBlank()) {
                return RELEVANCE;
            }
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiProblems.invalid("sort", "must be relevance, newest or top");
            }
        }
    }

    /** Suggestions while typing: people, spaces, tags. */
    public record Suggestions(List<SearchResults.Ref> people, List<SearchResults.Ref> spaces, List<String> tags) {}

    private static final List<String> SNIPPET_FIELDS = List.of("body", "body.en", "body.fr");
    private static final List<String> TITLE_FIELDS = List.of("title", "title.en", "title.fr");
    private static final List<String> SOURCE_FIELDS = List.of("type", "item_id", "post_id", "title", "body", "space_id", "space_name",
            "author_username", "author_name", "created_at", "score", "comment_count", "tags");
    private static final Map<String, String> FACET_FIELDS = Map.of(
            "type", "type", "space", "space_id", "author", "author_username", "department", "department", "tag", "tags");

    private final ElasticsearchAsyncClient elasticsearch;
    private final SearchQueries queries;
    private final SearchProperties properties;
    private final FacetLabels labels;

    SearchService(ElasticsearchAsyncClient elasticsearch, SearchQueries queries, SearchProperties properties, FacetLabels labels) {
        this.elasticsearch = elasticsearch;
        this.queries = queries;
        this.properties = properties;
        this.labels = labels;
    }

    public Mono<SearchResults> search(Reader reader, String text, SearchFilters filters, Sort sort, String cursor, Integer size) {
        QueryText parsed = QueryText.parse(text);
        int pageSize = size == null ? properties.pageSize() : Math.clamp(size, 1, properties.maxPageSize());
        SearchCursor after = cursor == null || cursor.isBlank() ? null : SearchCursor.decode(cursor);
        boolean firstPage = after == null;
        Query filtered = Query.of(q -> q.bool(b -> {
            b.must(queries.text(parsed)).filter(Visibility.filter(reader));
            queries.dateRange(filters).forEach(b::filter);
            return b;
        }));
        Map<String, Query> facetFilters = queries.facetFilters(filters);
        Instant rankedAt = firstPage ? Instant.now() : Instant.ofEpochMilli(after.rankedAt());
        Query ranked = sort == Sort.RELEVANCE ? queries.withSignals(filtered, rankedAt) : filtered;
        // Lazy: a retry (no shard answered: a node lost mid-search) opens a new point in time.
        Mono<String> pointInTime = firstPage
                ? Mono.fromFuture(() -> elasticsearch.openPointInTime(p -> p.index(CONTENT).keepAlive(keepAlive()))).map(r -> r.id())
                : Mono.just(after.pointInTime());
        // The first page marks the words as typed: highlighting through the typo-tolerant clause builds a
        // Levenshtein automaton per word and field, half of Elasticsearch's time on a specific word. Only when
        // the words as typed match nothing does the page come again, marked through the typos.
        boolean exactMarks = firstPage && !parsed.positiveWords().isBlank();
        Highlight marks = exactMarks ? highlight(queries.exact(parsed)) : highlight(null);
        Mono<SearchResults> search = pointInTime.flatMap(pit -> {
            SearchRequest request = request(pit, pageSize, ranked, sort, marks, facetFilters, firstPage ? facets(parsed, facetFilters) : null, after);
            return Mono.fromFuture(() -> elasticsearch.search(request, Map.class))
                    .onErrorMap(failure -> expiredCursor(failure, firstPage))
                    .flatMap(ShardFailures::check)
                    .flatMap(response -> {
                        boolean typosOnly = exactMarks && exactMatches(response) == 0 && !response.hits().hits().isEmpty();
                        Mono<List<Hit<Map>>> hits = typosOnly
                                ? Mono.fromFuture(() -> elasticsearch.search(
                                        request(pit, pageSize, ranked, sort, highlight(null), facetFilters, null, after), Map.class))
                                        .map(again -> again.hits().hits())
                                : Mono.just(response.hits().hits());
                        return hits.flatMap(marked -> page(reader, response, marked, parsed, text, pit, rankedAt, pageSize, firstPage));
                    });
        });
        // A later page reads its point in time again: if the copy it was on is gone, the cursor is;
        // any other passing failure is tried again, then answered 503.
        return ShardFailures.retried(firstPage ? search
                : search.onErrorMap(ShardFailures.NoShardAnswered.class,
                        lost -> ApiProblems.invalid("cursor", "has expired; search again from the first page")));
    }

    private SearchRequest request(String pit, int pageSize, Query ranked, Sort sort, Highlight marks, Map<String, Query> facetFilters,
                                  Map<String, Aggregation> aggregations, SearchCursor after) {
        return SearchRequest.of(s -> {
            s.pit(p -> p.id(pit).keepAlive(keepAlive()))
                    .size(pageSize)
                    .query(ranked)
                    .sort(sorts(sort))
                    .source(src -> src.filter(f -> f.includes(SOURCE_FIELDS)))
                    .highlight(marks)
                    .trackTotalHits(t -> t.enabled(aggregations != null));
            if (!facetFilters.isEmpty()) {
                s.postFilter(SearchQueries.all(facetFilters.values()));
            }
            if (aggregations != null) {
                s.aggregations(aggregations);
            }
            if (after != null) {
                s.searchAfter(after.after());
            }
            return s;
        });
    }

    private static long exactMatches(SearchResponse<Map> response) {
        var exact = response.aggregations().get("exact");
        return exact == null ? 0 : exact.filter().docCount();
    }

    private Mono<SearchResults> page(Reader reader, SearchResponse<Map> response, List<Hit<Map>> hits, QueryText parsed, String text,
                                     String pit, Instant rankedAt, int pageSize, boolean firstPage) {
        List<SearchResults.Item> items = hits.stream().map(SearchService::toItem).toList();
        String next = hits.size() < pageSize ? null
                : new SearchCursor(response.pitId() != null ? response.pitId() : pit, rankedAt.toEpochMilli(), hits.getLast().sort()).encode();
        if (!firstPage) {
            return Mono.just(new SearchResults(null, items, null, next, null));
        }
        long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
        long exactMatches = exactMatches(response);
        // The words as typed matched nothing: suggest the nearest words that matched, in what the reader may see.
        Mono<String> correction = parsed.isEmpty() || exactMatches > 0 ? Mono.just("")
                : total > 0 ? Mono.just(Objects.requireNonNullElse(Corrections.correct(text, markedWords(hits)), ""))
                : looseCorrection(reader, parsed, text);
        return Mono.zip(labels.named(facets(response.aggregations())), correction)
                .map(both -> new SearchResults(total, items, both.getT1(), next, both.getT2().isEmpty() ? null : both.getT2()));
    }

    /** With no hit at all: a looser (two-edit) search, inside the visibility filter, just to find the words. */
    private Mono<String> looseCorrection(Reader reader, QueryText parsed, String text) {
        Query loose = Query.of(q -> q.bool(b -> b
                .must(m -> m.multiMatch(mm -> mm.query(parsed.positiveWords()).fields(SearchQueries.FUZZY_FIELDS)
                        .fuzziness("2").prefixLength(0).maxExpansions(50)))
                .filter(Visibility.filter(reader))));
        return Mono.fromFuture(() -> elasticsearch.search(s -> s.index(CONTENT).size(10).query(loose)
                                .source(src -> src.fetch(false)).highlight(highlight(null)), Map.class))
                .map(response -> Objects.requireNonNullElse(Corrections.correct(text, markedWords(response.hits().hits())), ""));
    }

    /**
     * People, spaces and tags starting with the prefix. People and spaces come from completion
     * suggesters (spaces limited to the reader's scopes); tags from a terms aggregation over what
     * the reader may read, so a tag used only in a private space never reaches an outsider.
     */
    public Mono<Suggestions> suggest(Reader reader, String prefix) {
        if (prefix == null || prefix.isBlank()) {
            return Mono.just(new Suggestions(List.of(), List.of(), List.of()));
        }
        String typed = prefix.strip();
        String tagPrefix = io.vigie.content.Hashtags.normalise(typed.replaceFirst("^#", ""));
        List<co.elastic.clients.elasticsearch.core.search.CompletionContext> scopes = new ArrayList<>();
        scopes.add(scope("public"));
        reader.memberOf().forEach(id -> scopes.add(scope(id.toString())));
        return ShardFailures.retried(Mono.fromFuture(() -> elasticsearch.search(s -> {
                    s.index(CONTENT).size(0)
                            .source(src -> src.filter(f -> f.includes("item_id", "title", "author_username")))
                            .suggest(sg -> sg
                                    .suggesters("people", p -> p.prefix(typed)
                                            .completion(c -> c.field("person_suggest").size(5).skipDuplicates(true)))
                                    .suggesters("spaces", p -> p.prefix(typed)
                                            .completion(c -> c.field("space_suggest").size(5).contexts("scope", scopes))));
                    if (!tagPrefix.isEmpty()) {
                        s.query(q -> q.bool(b -> b.filter(f -> f.prefix(p -> p.field("tags").value(tagPrefix))).filter(Visibility.filter(reader))))
                                .aggregations("tags", a -> a.terms(t -> t.field("tags").size(8)
                                        .include(i -> i.regexp(regexLiteral(tagPrefix) + ".*"))));
                    }
                    return s;
                }, Map.class))
                .flatMap(ShardFailures::check))
                .map(response -> new Suggestions(
                        options(response, "people").map(o -> new SearchResults.Ref(string(o.source(), "author_username"), string(o.source(), "title"))).toList(),
                        options(response, "spaces").map(o -> new SearchResults.Ref(string(o.source(), "item_id"), string(o.source(), "title"))).toList(),
                        tagBuckets(response)));
    }

    /** Lucene regular expressions have no quoting syntax: escape every character that is not a letter or digit. */
    static String regexLiteral(String text) {
        StringBuilder escaped = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (!Character.isLetterOrDigit(c)) {
                escaped.append('\\');
            }
            escaped.appendCodePoint(c);
        });
        return escaped.toString();
    }

    private static co.elastic.clients.elasticsearch.core.search.CompletionContext scope(String value) {
        return co.elastic.clients.elasticsearch.core.search.CompletionContext.of(c -> c.context(ctx -> ctx.category(value)));
    }

    private static List<String> tagBuckets(SearchResponse<Map> response) {
        Aggregate tags = response.aggregations() == null ? null : response.aggregations().get("tags");
        if (tags == null || !tags.isSterms()) {
            return List.of();
        }
        return tags.sterms().buckets().array().stream().map(bucket -> bucket.key().stringValue()).toList();
    }

    /** Items like this one (which the reader must be able to read), among what the reader may read. */
    public Mono<List<SearchResults.Item>> related(Reader reader, UUID id, int size) {
        Query visibleItself = Query.of(q -> q.bool(b -> b.filter(f -> f.ids(i -> i.values(id.toString()))).filter(Visibility.filter(reader))));
        return ShardFailures.retried(Mono.fromFuture(() -> elasticsearch.count(c -> c.index(CONTENT).query(visibleItself))))
                .flatMap(found -> found.count() == 0 ? Mono.error(ApiProblems.notFound("This item")) : Mono.just(found))
                .flatMap(found -> Mono.fromFuture(() -> elasticsearch.search(s -> s.index(CONTENT).size(Math.clamp(size, 1, 20))
                        .source(src -> src.filter(f -> f.includes(SOURCE_FIELDS)))
                        .query(q -> q.bool(b -> b
                                .must(m -> m.moreLikeThis(mlt -> mlt.fields("title", "body", "body.en", "body.fr", "tags")
                                        .like(l -> l.document(d -> d.index(CONTENT).id(id.toString())))
                                        .minTermFreq(1).minDocFreq(1).maxQueryTerms(25).minimumShouldMatch("20%")))
                                .filter(Visibility.filter(reader))
                                .filter(f -> f.terms(t -> t.field("type").terms(v -> v.value(List.of(FieldValue.of("post"), FieldValue.of("comment"))))))
                                .mustNot(n -> n.ids(i -> i.values(id.toString())))
                                .mustNot(n -> n.term(t -> t.field("post_id").value(id.toString()))))), Map.class))
                        .flatMap(ShardFailures::check)
                        .as(ShardFailures::retried))
                .map(response -> response.hits().hits().stream().map(SearchService::toItem).toList());
    }

    private static Stream<CompletionSuggestOption<Map>> options(SearchResponse<Map> response, String name) {
        return response.suggest().getOrDefault(name, List.of()).stream()
                .flatMap(suggestion -> suggestion.completion().options().stream());
    }

    private Time keepAlive() {
        return Time.of(t -> t.time(properties.pointInTime().toSeconds() + "s"));
    }

    private static List<SortOptions> sorts(Sort sort) {
        List<SortOptions> sorts = new ArrayList<>();
        switch (sort) {
            case RELEVANCE -> sorts.add(SortOptions.of(s -> s.score(sc -> sc.order(SortOrder.Desc))));
            case TOP -> sorts.add(SortOptions.of(s -> s.field(f -> f.field("score").order(SortOrder.Desc).missing("_last"))));
            case NEWEST -> { }
        }
        sorts.add(SortOptions.of(s -> s.field(f -> f.field("created_at").order(SortOrder.Desc).missing("_last"))));
        // A unique tiebreaker, so search_after never skips or repeats a result.
        sorts.add(SortOptions.of(s -> s.field(f -> f.field("item_id").order(SortOrder.Asc))));
        return sorts;
    }

    /** Matched words wrapped in <mark>; the text around them HTML-escaped (encoder html). */
    /** Snippets with the matched words marked: through {@code marked} alone when given, else through the whole query. */
    private static Highlight highlight(Query marked) {
        return Highlight.of(h -> {
            h.preTags("<mark>").postTags("</mark>").encoder(HighlighterEncoder.Html).requireFieldMatch(false);
            Stream.concat(SNIPPET_FIELDS.stream(), TITLE_FIELDS.stream()).forEach(field ->
                    h.fields(NamedValue.of(field, HighlightField.of(f -> f.fragmentSize(160).numberOfFragments(1)))));
            if (marked != null) {
                h.highlightQuery(marked);
            }
            return h;
        });
    }

    /** Each facet counts under the other facets' filters (multi-select); "exact" counts under all of them. */
    private Map<String, Aggregation> facets(QueryText parsed, Map<String, Query> facetFilters) {
        Map<String, Aggregation> aggregations = new LinkedHashMap<>();
        FACET_FIELDS.forEach((name, field) -> {
            List<Query> others = facetFilters.entrySet().stream().filter(e -> !e.getKey().equals(name)).map(Map.Entry::getValue).toList();
            aggregations.put(name, Aggregation.of(a -> a.filter(SearchQueries.all(others))
                    .aggregations("values", values -> values.terms(t -> t.field(field).size(name.equals("type") ? 10 : 15)))));
        });
        List<Query> exact = new ArrayList<>(facetFilters.values());
        exact.add(queries.exact(parsed));
        aggregations.put("exact", Aggregation.of(a -> a.filter(SearchQueries.all(exact))));
        return aggregations;
    }

    private static Map<String, List<SearchResults.Facet>> facets(Map<String, Aggregate> aggregations) {
        Map<String, List<SearchResults.Facet>> facets = new LinkedHashMap<>();
        for (String name : FACET_FIELDS.keySet().stream().sorted().toList()) {
            Aggregate filtered = aggregations.get(name);
            Aggregate aggregate = filtered == null || !filtered.isFilter() ? null : filtered.filter().aggregations().get("values");
            if (aggregate == null || !aggregate.isSterms()) {
                facets.put(name, List.of());
                continue;
            }
            facets.put(name, aggregate.sterms().buckets().array().stream()
                    .map(bucket -> new SearchResults.Facet(bucket.key().stringValue(), bucket.key().stringValue(), bucket.docCount()))
                    .toList());
        }
        return facets;
    }

    private static java.util.Set<String> markedWords(List<Hit<Map>> hits) {
        List<String> fragments = hits.stream().flatMap(hit -> hit.highlight().values().stream()).flatMap(Collection::stream).toList();
        return Corrections.markedWords(fragments);
    }

    @SuppressWarnings("unchecked")
    private static SearchResults.Item toItem(Hit<Map> hit) {
        Map<String, Object> source = hit.source();
        String type = string(source, "type");
        UUID id = UUID.fromString(hit.id());
        String title = firstHighlight(hit, TITLE_FIELDS);
        if (title == null && source.get("title") != null) {
            title = escape(string(source, "title"));
        }
        String snippet = firstHighlight(hit, SNIPPET_FIELDS);
        if (snippet == null && source.get("body") instanceof String body && !body.isBlank()) {
            snippet = escape(body.length() > 200 ? body.substring(0, 200) + "…" : body);
        }
        String url = switch (type) {
            case "comment" -> "/posts/" + string(source, "post_id");
            case "space" -> "/spaces/" + id;
            case "person" -> "/people/" + string(source, "author_username");
            case "collection" -> "/library/" + id;
            default -> "/posts/" + id;
        };
        SearchResults.Ref space = source.get("space_id") == null || "space".equals(type) ? null
                : new SearchResults.Ref(string(source, "space_id"), string(source, "space_name"));
        SearchResults.Ref author = source.get("author_username") == null || "person".equals(type) ? null
                : new SearchResults.Ref(string(source, "author_username"), string(source, "author_name"));
        return new SearchResults.Item(type, id, title, snippet, url, space, author,
                source.get("created_at") == null ? null : OffsetDateTime.parse(string(source, "created_at")),
                source.get("score") instanceof Number n ? n.intValue() : null,
                source.get("comment_count") instanceof Number n ? n.intValue() : null,
                (List<String>) source.getOrDefault("tags", List.of()));
    }

    private static String firstHighlight(Hit<Map> hit, List<String> fields) {
        return fields.stream().map(field -> hit.highlight().get(field)).filter(Objects::nonNull)
                .flatMap(List::stream).findFirst().orElse(null);
    }

    private static String string(Map<?, ?> source, String field) {
        Object value = source == null ? null : source.get(field);
        return value == null ? null : value.toString();
    }

    static String escape(String text) {
        return HtmlUtils.htmlEscape(text);
    }

    /** A cursor whose point in time expired: ask the client to start again rather than fail obscurely. */
    private static Throwable expiredCursor(Throwable failure, boolean firstPage) {
        if (!firstPage && String.valueOf(failure.getMessage()).contains("search_context_missing")) {
            return ApiProblems.invalid("cursor", "has expired; search again from the first page");
        }
        return failure;
    }
}
