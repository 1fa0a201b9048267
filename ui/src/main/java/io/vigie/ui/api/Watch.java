package io.vigie.ui.api;

import java.time.Instant;
import java.util.UUID;

/** Watch sources and inbox items, as the API describes them. Texts are plain. */
public final class Watch {

    private Watch() {}

    public record Source(UUID id, UUID spaceId, String url, String title, Instant createdAt, Instant lastPolledAt,
                         Instant lastSuccessAt, int failures, String lastError, Instant nextPollAt, long newItems) {}

    public record Item(UUID id, UUID sourceId, String sourceTitle, String url, String title, String summary, Instant publishedAt,
                       Instant foundAt, String status, UUID postId) {}
}
