package io.vigie.ui.api;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The API's search, as the signed-in person. Values go in as URI variables, so quotes and "+" survive. */
@Component
public class SearchClient {

    /** What to search: the text, the chosen facet values by facet name, the order, where to resume. */
    public record Request(String q, Map<String, List<String>> filters, String sort, String cursor) {}

    private final RestClient api;

    SearchClient(RestClient apiRestClient) {
        this.api = apiRestClient;
    }

    public SearchResults search(Request request) {
        Map<String, Object> variables = new HashMap<>();
        return api.get().uri(builder -> {
            UriBuilder uri = builder.path("/api/search");
            add(uri, variables, "q", request.q());
            add(uri, variables, "sort", request.sort());
            add(uri, variables, "cursor", request.cursor());
            request.filters().forEach((name, values) -> {
                for (int i = 0; i < values.size(); i++) {
                    String variable = name + i;
                    uri.queryParam(name, "{" + variable + "}");
                    variables.put(variable, values.get(i));
                }
            });
            return uri.build(variables);
        }).retrieve().body(SearchResults.class);
    }

    public SearchResults.Suggestions suggest(String prefix) {
        return api.get().uri(builder -> builder.path("/api/search/suggest").queryParam("q", "{q}").build(Map.of("q", prefix)))
                .retrieve().body(SearchResults.Suggestions.class);
    }

    /** Posts and comments like this item, among what the person may read. */
    public List<SearchResults.Item> related(java.util.UUID id) {
        return api.get().uri("/api/search/related/{id}", id).retrieve()
                .body(new org.springframework.core.ParameterizedTypeReference<List<SearchResults.Item>>() {});
    }

    private static void add(UriBuilder uri, Map<String, Object> variables, String name, String value) {
        if (value != null && !value.isBlank()) {
            uri.queryParam(name, "{" + name + "}");
            variables.put(name, value);
        }
    }
}
