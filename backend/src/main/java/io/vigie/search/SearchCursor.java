package io.vigie.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import io.vigie.web.ApiProblems;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Where the next page of results starts: the point in time the first page opened (so pages do
 * not shift while people write), the instant the ranking's freshness was computed at (so scores
 * do not drift between pages) and the last hit's sort values. Opaque to clients; it grants
 * nothing, since every page's query carries the reader's visibility filter again.
 */
record SearchCursor(String pointInTime, long rankedAt, List<FieldValue> after) {

    String encode() {
        StringBuilder plain = new StringBuilder(pointInTime).append('\n').append(rankedAt);
        after.forEach(value -> plain.append('\n').append(SortValues.encode(value)));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.toString().getBytes(StandardCharsets.UTF_8));
    }

    static SearchCursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length < 3 || parts[0].isBlank()) {
                throw new IllegalArgumentException("too short");
            }
            return new SearchCursor(parts[0], Long.parseLong(parts[1]),
                    List.of(parts).subList(2, parts.length).stream().map(SortValues::decode).toList());
        } catch (IllegalArgumentException e) {
            throw ApiProblems.invalid("cursor", "is not a cursor this API gave out");
        }
    }
}
