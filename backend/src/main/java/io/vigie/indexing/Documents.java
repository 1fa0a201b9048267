package io.vigie.indexing;

import io.r2dbc.spi.Readable;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What every search document shares: where it lives (for the visibility filter) and who wrote it. */
final class Documents {

    /** The suggestion context of everything in open and department spaces. */
    static final String PUBLIC_SCOPE = "public";

    private Documents() {}

    /** The space an item lives in: its id, name, slug and kind (the visibility filter reads the kind). */
    static void putSpace(Map<String, Object> source, Readable row) {
        source.put("space_id", row.get("space_id", UUID.class).toString());
        source.put("space_name", row.get("space_name", String.class));
        source.put("space_slug", row.get("space_slug", String.class));
        source.put("space_visibility", row.get("space_kind", String.class));
    }

    static void putAuthor(Map<String, Object> source, Readable row) {
        source.put("author_id", row.get("author_id", UUID.class).toString());
        source.put("author_username", row.get("username", String.class));
        source.put("author_name", row.get("display_name", String.class));
        source.put("department", row.get("department", String.class));
    }

    /**
     * A completion suggestion that only readers of the space get: suggestions cannot take the
     * visibility filter, so each carries a context, "public" or the private space's id, and the
     * suggester asks for "public" plus the reader's private spaces.
     */
    static Map<String, Object> suggestion(List<String> inputs, String spaceKind, UUID spaceId) {
        String scope = "private".equals(spaceKind) ? spaceId.toString() : PUBLIC_SCOPE;
        return Map.of("input", inputs, "contexts", Map.of("scope", List.of(scope)));
    }

    static void putDates(Map<String, Object> source, OffsetDateTime created, OffsetDateTime edited) {
        source.put("created_at", created.toInstant().toString());
        source.put("updated_at", (edited != null ? edited : created).toInstant().toString());
        source.put("edited_at", edited == null ? null : edited.toInstant().toString());
    }

    static void putVotes(Map<String, Object> source, int upvotes, int downvotes) {
        int score = upvotes - downvotes;
        source.put("score", score);
        source.put("upvotes", upvotes);
        source.put("downvotes", downvotes);
        source.put("positive_score", Math.max(0, score));
    }

    static List<String> list(String[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }
}
