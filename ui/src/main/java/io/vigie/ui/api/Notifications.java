package io.vigie.ui.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The signed-in person's notifications and how many are unread. */
public record Notifications(long unread, List<Item> items) {

    public record Item(UUID id, String kind, UUID actorId, String actorName, UUID postId, UUID commentId, UUID spaceId,
                       String detail, OffsetDateTime createdAt, boolean read) {}
}
