package io.vigie.posts;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A post as the API shows it to one reader; a share also shows its article. */
public record PostView(UUID id, SpaceRef space, AuthorRef author, String html, String markdown, List<String> hashtags,
                       OffsetDateTime createdAt, OffsetDateTime editedAt, int upvotes, int downvotes, int score,
                       int commentCount, boolean pinned, int myVote, ArticleCard article) {

    public record SpaceRef(UUID id, String slug, String name) {}

    /** The article a share carries (null for other posts); plain texts, to escape when shown. */
    public record ArticleCard(UUID id, String url, String title, String description, String image, String siteName) {}

    public record AuthorRef(UUID id, String username, String name) {}
}
