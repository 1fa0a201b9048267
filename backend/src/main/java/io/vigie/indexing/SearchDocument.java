package io.vigie.indexing;

import java.util.Map;
import java.util.UUID;

/**
 * One item as the search index stores it, built from PostgreSQL. {@code version} is the row's
 * version (Elasticsearch's external version); a {@code deleted} item is removed from the index.
 */
record SearchDocument(UUID id, long version, boolean deleted, Map<String, Object> source) {

    static SearchDocument gone(UUID id, long version) {
        return new SearchDocument(id, version, true, Map.of());
    }
}
