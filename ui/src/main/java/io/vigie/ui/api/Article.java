package io.vigie.ui.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A shared article with the shares the signed-in person may see, each a post (with its votes and
 * discussion); counts add up those shares only. Texts are plain (escape when shown).
 */
public record Article(UUID id, String url, String title, String description, String image, String siteName, Instant publishedAt,
                      String language, List<String> keywords, int shareCount, int upvotes, int commentCount, List<Post> shares) {

    /** A link's preview before sharing. */
    public record Preview(String url, String title, String description, String image, String siteName, Instant publishedAt,
                          String language, String excerpt) {}
}
