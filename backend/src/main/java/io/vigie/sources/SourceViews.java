package io.vigie.sources;

import java.time.Instant;
import java.util.UUID;

/** What the watch-sources API answers. Texts are plain: escape them when shown. */
public final class SourceViews {

    private SourceViews() {}

    /** A source and its health: when it was last read, the error if the last poll failed, when it is read next. */
    public record Source(UUID id, UUID spaceId, String url, String title, Instant createdAt, Instant lastPolledAt,
                         Instant lastSuccessAt, int failures, String lastError, Instant nextPollAt, long newItems) {}

    /** An item waiting in (or decided from) a space's watch inbox. */
    public record Item(UUID id, UUID sourceId, String sourceTitle, String url, String title, String summary, Instant publishedAt,
                       Instant foundAt, String status, UUID postId) {}
}
