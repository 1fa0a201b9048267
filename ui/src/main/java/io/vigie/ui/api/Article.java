package io.vigie.ui.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A shared article with the shares the signed-in person may see. Texts are plain (escape when shown), except commentHtml (sanitised by the API). */
public record Article(UUID id, String url, String title, String description, String image, String siteName, Instant publishedAt,
                      String language, int upvotes, int downvotes, int score, int myVote, List<Share> shares) {

    public record Share(UUID id, UUID articleId, Ref space, Ref person, String commentHtml, List<String> tags,
                        OffsetDateTime createdAt) {}

    public record Ref(String id, String name) {}

    /** A link's preview before sharing. */
    public record Preview(String url, String title, String description, String image, String siteName, Instant publishedAt,
                          String language, String excerpt) {}
}
