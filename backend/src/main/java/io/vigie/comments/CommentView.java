package io.vigie.comments;

import io.vigie.posts.PostView;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A comment as a reader sees it; a deleted comment that has replies keeps its place, without text.
 * On a question, a top-level comment is an answer, and the one the asker accepted says so.
 */
public record CommentView(UUID id, UUID postId, UUID parentId, PostView.AuthorRef author, String html, String markdown,
                          OffsetDateTime createdAt, OffsetDateTime editedAt, boolean deleted, int upvotes,
                          int downvotes, int score, int myVote, List<CommentView> replies, boolean accepted) {

    CommentView asAccepted() {
        return new CommentView(id, postId, parentId, author, html, markdown, createdAt, editedAt, deleted, upvotes, downvotes,
                score, myVote, replies, true);
    }
}
