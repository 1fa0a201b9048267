package io.vigie.posts;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A message in a space, as PostgreSQL stores it; a share carries the shared article's id. A post a
 * moderator hid reads as deleted ({@code deletedAt}); a locked one takes no new comments. A question,
 * an idea and a challenge have a title; a question's top-level comments are answers, one of which
 * may be accepted.
 */
public record Post(UUID id, UUID spaceId, UUID authorId, String bodyMarkdown, String bodyHtml, List<String> hashtags,
                   List<String> mentions, int upvotes, int downvotes, int commentCount, boolean pinned,
                   OffsetDateTime createdAt, OffsetDateTime editedAt, OffsetDateTime deletedAt, long version, UUID articleId,
                   boolean locked, String kind, String title, UUID acceptedCommentId) {

    public static final String QUESTION = "question";
    public static final String KUDOS = "kudos";
    public static final String IDEA = "idea";
    public static final String CHALLENGE = "challenge";

    /** The kinds whose title is their own (a share's title is its article's). */
    static final java.util.Set<String> TITLED = java.util.Set.of(QUESTION, IDEA, CHALLENGE);

    public boolean question() {
        return QUESTION.equals(kind);
    }

    public int score() {
        return upvotes - downvotes;
    }

    public boolean deleted() {
        return deletedAt != null;
    }
}
