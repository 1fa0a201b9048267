package io.vigie.search;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One page of search results. {@code total} and {@code facets} come with the first page only
 * (null on later ones); {@code didYouMean} is a corrected query when the words as typed matched
 * nothing the reader may see.
 */
public record SearchResults(Long total, List<Item> items, Map<String, List<Facet>> facets, String next, String didYouMean) {

    /**
     * One result, whatever its type. {@code snippet} is HTML-escaped text in which only
     * {@code <mark>} tags mark the matched words; {@code url} is the UI path that opens it.
     */
    public record Item(String type, UUID id, String title, String snippet, String url, Ref space, Ref author,
                       OffsetDateTime createdAt, Integer score, Integer commentCount, List<String> tags) {}

    /** A space or a person: id (or username) and display name. */
    public record Ref(String id, String name) {}

    /** A facet value with how many of the reader's results have it. */
    public record Facet(String value, String label, long count) {}
}
