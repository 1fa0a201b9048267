package io.vigie.ui.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the moderation API answers. Texts are plain. */
public final class Moderation {

    private Moderation() {}

    public record QueueItem(String type, UUID id, UUID postId, UUID authorId, String authorName, UUID spaceId, String spaceName,
                            String text, boolean hidden, boolean locked, long reports, Instant latest, List<String> reporters,
                            List<String> reasons) {}

    public record AuditEntry(long id, Instant at, UUID actorId, String actorName, String action, String targetType, String targetId,
                             String reason) {}
}
