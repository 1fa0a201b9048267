package io.vigie.search;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Names for the facet values that are ids: spaces and authors, from PostgreSQL in two small
 * queries (a top_hits per bucket in Elasticsearch cost more than the rest of the search). Only
 * values already in the reader's facets are looked up, so nothing new is revealed.
 */
@Component
class FacetLabels {

    private final DatabaseClient db;

    FacetLabels(DatabaseClient db) {
        this.db = db;
    }

    Mono<Map<String, List<SearchResults.Facet>>> named(Map<String, List<SearchResults.Facet>> facets) {
        List<UUID> spaces = facets.getOrDefault("space", List.of()).stream().map(f -> UUID.fromString(f.value())).toList();
        List<String> authors = facets.getOrDefault("author", List.of()).stream().map(SearchResults.Facet::value).toList();
        Mono<Map<String, String>> spaceNames = spaces.isEmpty() ? Mono.just(Map.of())
                : db.sql("SELECT id, name FROM space WHERE id = ANY(:ids)").bind("ids", spaces.toArray(UUID[]::new))
                        .map(row -> Map.entry(row.get("id", UUID.class).toString(), row.get("name", String.class)))
                        .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
        Mono<Map<String, String>> authorNames = authors.isEmpty() ? Mono.just(Map.of())
                : db.sql("SELECT username, display_name FROM person WHERE username = ANY(:names)").bind("names", authors.toArray(String[]::new))
                        .map(row -> Map.entry(row.get("username", String.class), row.get("display_name", String.class)))
                        .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
        return Mono.zip(spaceNames, authorNames).map(names -> {
            Map<String, List<SearchResults.Facet>> labelled = new LinkedHashMap<>(facets);
            labelled.computeIfPresent("space", (name, values) -> relabel(values, names.getT1()));
            labelled.computeIfPresent("author", (name, values) -> relabel(values, names.getT2()));
            return labelled;
        });
    }

    private static List<SearchResults.Facet> relabel(List<SearchResults.Facet> values, Map<String, String> names) {
        return values.stream().map(f -> new SearchResults.Facet(f.value(), names.getOrDefault(f.value(), f.value()), f.count())).toList();
    }
}
