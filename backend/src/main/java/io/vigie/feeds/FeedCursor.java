package io.vigie.feeds;

import io.vigie.web.ApiProblems;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Where the next page starts: the sort values of the last post shown (Elasticsearch's
 * {@code search_after}), plus, for the relevant order, the instant the ranking was computed at,
 * so every page of one reading ranks with the same clock. Opaque to clients.
 */
record FeedCursor(long rankedAt, List<String> after) {

    String encode() {
        String plain = rankedAt + "|" + String.join("|", after);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static FeedCursor decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|", -1);
            if (parts.length < 2) {
                throw new IllegalArgumentException("too short");
            }
            return new FeedCursor(Long.parseLong(parts[0]), List.of(parts).subList(1, parts.length));
        } catch (IllegalArgumentException e) {
            throw ApiProblems.invalid("cursor", "is not a cursor this API gave out");
        }
    }
}
