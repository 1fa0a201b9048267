package io.vigie.search;

import java.time.Instant;
import java.util.List;

/** The filters of a search (each list: any of these values), all optional. */
public record SearchFilters(List<String> types, List<String> spaces, List<String> authors, List<String> departments,
                            List<String> tags, Instant from, Instant to) {

    public static SearchFilters none() {
        return new SearchFilters(List.of(), List.of(), List.of(), List.of(), List.of(), null, null);
    }
}
