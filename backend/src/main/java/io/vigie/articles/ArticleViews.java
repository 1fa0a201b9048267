package io.vigie.articles;

import io.vigie.posts.PostView;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the articles API answers. */
public final class ArticleViews {

    private ArticleViews() {}

    /**
     * An article as one reader sees it: its preview, its themes, and the shares they may see (each
     * a post, with its own votes and discussion). Counts add up those shares only, so they never
     * include what happens in a private space the reader is not in.
     */
    public record Article(UUID id, String url, String title, String description, String image, String siteName, Instant publishedAt,
                   String language, List<String> keywords, int shareCount, int upvotes, int commentCount, List<PostView> shares) {

        Article with(List<PostView> visible) {
            return new Article(id, url, title, description, image, siteName, publishedAt, language, keywords, visible.size(),
                    visible.stream().mapToInt(PostView::upvotes).sum(), visible.stream().mapToInt(PostView::commentCount).sum(),
                    visible);
        }
    }
}
