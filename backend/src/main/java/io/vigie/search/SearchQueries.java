package io.vigie.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.FieldValueFactorModifier;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionBoostMode;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionScoreMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the text part of every search: BM25 over accent-folded, French and English fields
 * (the best field, plus 0.3 × the others, so a word found by several analyses counts a little
 * more), required words and phrases,
 * exclusions, a small typo-tolerant clause, and a bonus for words found together. Social signals
 * multiply the text score without drowning it. The relevance evaluation runs this same builder.
 */
@Component
public class SearchQueries {

    /**
     * Text fields and their weights. Titles weigh as much as bodies: boosting them (×1.2, ×2, ×3)
     * cost 2 to 9 points of nDCG@10 on the Cranfield evaluation, where titles repeat the
     * abstract's first sentence; BM25 already favours a match in a short field.
     */
    static final List<String> TEXT_FIELDS = List.of(
            "title", "title.fr", "title.en",
            "body", "body.fr", "body.en",
            "tags^2", "author_name^2");
    /** Fields of the typo-tolerant clause: folded only (stemming and fuzziness do not mix well). */
    static final List<String> FUZZY_FIELDS = List.of("title", "body", "author_name^2");
    static final List<String> PHRASE_FIELDS = List.of("title", "title.en", "title.fr", "body", "body.en", "body.fr");
    /**
     * Typos matter in what people type into a box (a few words); in a long question the fuzzy
     * clause expands every word, costs five times the time and gains nothing measurable.
     */
    static final int MAX_FUZZY_WORDS = 6;

    private final SearchProperties properties;

    public SearchQueries(SearchProperties properties) {
        this.properties = properties;
    }

    /** The text query alone (no visibility, no signals): for ranking by text, and for the evaluation. */
    public Query text(QueryText text) {
        if (text.isEmpty() && text.excluded().isEmpty()) {
            return Query.of(q -> q.matchAll(m -> m));
        }
        return Query.of(q -> q.bool(b -> {
            for (String word : text.required()) {
                b.must(words(word, Operator.Or));
            }
            for (String phrase : text.phrases()) {
                b.must(Query.of(m -> m.multiMatch(mm -> mm.query(phrase).fields(PHRASE_FIELDS).type(TextQueryType.Phrase))));
            }
            for (String word : text.excluded()) {
                b.mustNot(words(word, Operator.Or));
            }
            String positive = text.positiveWords();
            if (!positive.isBlank()) {
                b.should(words(positive, Operator.Or));
                if (positive.split("\\s+").length <= MAX_FUZZY_WORDS) {
                    b.should(Query.of(m -> m.multiMatch(mm -> mm.query(positive).fields(FUZZY_FIELDS)
                            .fuzziness("AUTO").prefixLength(1).maxExpansions(20).boost((float) properties.fuzzyBoost()))));
                }
                if (positive.contains(" ")) {
                    b.should(Query.of(m -> m.multiMatch(mm -> mm.query(positive).fields(PHRASE_FIELDS)
                            .type(TextQueryType.Phrase).slop(3).boost((float) properties.phraseBoost()))));
                }
            }
            if (text.required().isEmpty() && text.phrases().isEmpty()) {
                b.minimumShouldMatch(text.isEmpty() ? "0" : "1");
            }
            if (text.isEmpty()) {
                b.must(m -> m.matchAll(all -> all));
            }
            return b;
        }));
    }

    /** The exact (not typo-tolerant) part: "did the words themselves match anything?". */
    public Query exact(QueryText text) {
        String positive = text.positiveWords();
        return positive.isBlank() ? Query.of(q -> q.matchAll(m -> m)) : words(positive, Operator.Or);
    }

    /**
     * Text relevance × (1 + w_v·ln(2 + votes) + w_c·ln(2 + comments) + w_f·freshness): signals
     * reorder close matches, they cannot lift a poor match above a good one.
     */
    public Query withSignals(Query query, Instant now) {
        String scale = properties.freshnessScale().toHours() + "h";
        return Query.of(q -> q.functionScore(fs -> fs
                .query(query)
                .functions(f -> f.weight(1.0))
                .functions(f -> f.fieldValueFactor(v -> v.field("positive_score").modifier(FieldValueFactorModifier.Ln2p).missing(0.0))
                        .weight(properties.voteWeight()))
                .functions(f -> f.fieldValueFactor(v -> v.field("comment_count").modifier(FieldValueFactorModifier.Ln2p).missing(0.0))
                        .weight(properties.commentWeight()))
                .functions(f -> f.exp(decay -> decay.date(date -> date.field("created_at")
                                .placement(p -> p.origin(now.toString()).scale(co.elastic.clients.elasticsearch._types.Time.of(t -> t.time(scale)))
                                        .decay(0.5))))
                        .weight(properties.freshnessWeight()))
                .scoreMode(FunctionScoreMode.Sum)
                .boostMode(FunctionBoostMode.Multiply)));
    }

    /** The date range of a search request (part of the query: facets count within it). */
    public List<Query> dateRange(SearchFilters filters) {
        if (filters.from() == null && filters.to() == null) {
            return List.of();
        }
        return List.of(Query.of(q -> q.range(r -> r.date(d -> {
            d.field("created_at");
            if (filters.from() != null) {
                d.gte(filters.from().toString());
            }
            if (filters.to() != null) {
                d.lt(filters.to().toString());
            }
            return d;
        }))));
    }

    /**
     * The facet filters a search request names (type, space, author, department, tag), by facet
     * name. They filter the hits after the aggregations (post_filter), and each facet counts with
     * the others' filters only, so choosing "Post" still shows how many comments there are.
     */
    public Map<String, Query> facetFilters(SearchFilters filters) {
        Map<String, Query> queries = new LinkedHashMap<>();
        terms(queries, "type", "type", filters.types());
        terms(queries, "space", "space_id", filters.spaces());
        terms(queries, "author", "author_username", filters.authors());
        terms(queries, "department", "department", filters.departments());
        terms(queries, "tag", "tags", filters.tags());
        return queries;
    }

    /** Every facet filter, for hits and for counts that are not a facet's own. */
    public static Query all(Collection<Query> filters) {
        return filters.isEmpty() ? Query.of(q -> q.matchAll(m -> m)) : Query.of(q -> q.bool(b -> b.filter(List.copyOf(filters))));
    }

    private static void terms(Map<String, Query> queries, String facet, String field, List<String> values) {
        if (values != null && !values.isEmpty()) {
            queries.put(facet, Query.of(q -> q.terms(t -> t.field(field)
                    .terms(v -> v.value(values.stream().map(FieldValue::of).toList())))));
        }
    }

    private static Query words(String words, Operator operator) {
        return Query.of(q -> q.multiMatch(m -> m.query(words).fields(TEXT_FIELDS).type(TextQueryType.BestFields).tieBreaker(0.3).operator(operator)));
    }
}
