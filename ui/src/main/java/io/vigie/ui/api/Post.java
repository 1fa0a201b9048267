package io.vigie.ui.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A post as the API shows it to the signed-in person (with its poll, if any). The HTML is already sanitised by the API. */
public record Post(UUID id, SpaceRef space, AuthorRef author, String html, String markdown, List<String> hashtags,
                   OffsetDateTime createdAt, OffsetDateTime editedAt, int upvotes, int downvotes, int score,
                   int commentCount, boolean pinned, int myVote, ArticleCard article, Poll poll,
                   String kind, String title, UUID acceptedAnswerId, Kudos kudos) {

    public boolean question() {
        return "question".equals(kind);
    }

    /** The article a share carries (null for other posts); plain texts. */
    public record ArticleCard(UUID id, String url, String title, String description, String image, String siteName) {}

    public record SpaceRef(UUID id, String slug, String name) {}

    public record AuthorRef(UUID id, String username, String name) {}
}
