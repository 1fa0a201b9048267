package io.vigie.ui.api;

import java.util.UUID;

/** A change announced by the API's live stream: ids and counts only. */
public record LiveEvent(String type, UUID postId, UUID spaceId, String spaceKind, UUID authorId, int upvotes, int downvotes, int commentCount,
                        UUID personId) {

    public boolean notification() {
        return "notification".equals(type);
    }

    public boolean created() {
        return "post.created".equals(type);
    }

    public boolean deleted() {
        return "post.deleted".equals(type);
    }
}
