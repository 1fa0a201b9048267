package io.vigie.articles;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the articles API answers. */
final class ArticleViews {

    private ArticleViews() {}

    record Article(UUID id, String url, String title, String description, String image, String siteName, Instant publishedAt,
                   String language, int upvotes, int downvotes, int score, int myVote, List<Share> shares) {

        Article with(int myVote, List<Share> shares) {
            return new Article(id, url, title, description, image, siteName, publishedAt, language, upvotes, downvotes, score, myVote,
                    shares);
        }
    }

    /** One share the reader may see: who, where, with what comment and tags. */
    record Share(UUID id, UUID articleId, Ref space, Ref person, String commentHtml, List<String> tags, OffsetDateTime createdAt) {}

    record Ref(String id, String name) {}
}
