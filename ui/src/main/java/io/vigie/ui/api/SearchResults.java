package io.vigie.ui.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A page of search results from the API. {@code snippet} and {@code title} are HTML-escaped by
 * the API, with only {@code <mark>} tags around matched words.
 */
public record SearchResults(Long total, List<Item> items, Map<String, List<Facet>> facets, String next, String didYouMean) {

    public record Item(String type, UUID id, String title, String snippet, String url, Ref space, Ref author,
                       OffsetDateTime createdAt, Integer score, Integer commentCount, List<String> tags) {}

    public record Ref(String id, String name) {}

    public record Facet(String value, String label, long count) {}

    /** Suggestions while typing. */
    public record Suggestions(List<Ref> people, List<Ref> spaces, List<String> tags) {}
}
