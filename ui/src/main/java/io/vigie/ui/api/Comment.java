package io.vigie.ui.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A comment and its replies; {@code html} is null for a deleted comment that keeps its replies. On a
 * question, top-level comments are answers, and the accepted one comes first with {@code accepted}.
 */
public record Comment(UUID id, UUID postId, UUID parentId, Post.AuthorRef author, String html, String markdown,
                      OffsetDateTime createdAt, OffsetDateTime editedAt, boolean deleted, int upvotes, int downvotes,
                      int score, int myVote, List<Comment> replies, boolean accepted) {}
