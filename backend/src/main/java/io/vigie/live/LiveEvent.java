package io.vigie.live;

import java.util.UUID;

/**
 * Something that changed on a post, as it travels between API instances (PostgreSQL NOTIFY) and
 * to people's browsers (Server-Sent Events). It carries ids and counts only: a client that wants
 * the post fetches it through the API, which checks permissions again.
 *
 * @param type     post.created, post.updated (votes, comments, edits), post.deleted, or notification
 * @param authorId for a post event, who wrote the post (their followers get new posts live)
 * @param personId for a notification, the only person who receives it
 */
public record LiveEvent(String type, UUID postId, UUID spaceId, String spaceKind, UUID authorId, int upvotes, int downvotes,
                        int commentCount, UUID personId) {

    public static final String CREATED = "post.created";
    public static final String UPDATED = "post.updated";
    public static final String DELETED = "post.deleted";
    public static final String NOTIFICATION = "notification";
}
