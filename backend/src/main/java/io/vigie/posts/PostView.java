package io.vigie.posts;

import io.vigie.kudos.KudosView;
import io.vigie.polls.PollView;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A post as the API shows it to one reader; a share also shows its article, a poll its choices. A
 * question ({@code kind} "question") has a title and, once answered, the accepted answer's id;
 * kudos ({@code kind} "kudos") name the colleague thanked and the value.
 */
public record PostView(UUID id, SpaceRef space, AuthorRef author, String html, String markdown, List<String> hashtags,
                       OffsetDateTime createdAt, OffsetDateTime editedAt, int upvotes, int downvotes, int score,
                       int commentCount, boolean pinned, int myVote, ArticleCard article, PollView poll,
                       String kind, String title, UUID acceptedAnswerId, KudosView kudos) {

    /** The same post with the poll it carries, as the reader sees it (null: none). */
    public PostView withPoll(PollView shown) {
        return new PostView(id, space, author, html, markdown, hashtags, createdAt, editedAt, upvotes, downvotes, score,
                commentCount, pinned, myVote, article, shown, kind, title, acceptedAnswerId, kudos);
    }

    /** The same post with the colleague and value it thanks, if it is kudos. */
    public PostView withKudos(KudosView shown) {
        return new PostView(id, space, author, html, markdown, hashtags, createdAt, editedAt, upvotes, downvotes, score,
                commentCount, pinned, myVote, article, poll, kind, title, acceptedAnswerId, shown);
    }

    public record SpaceRef(UUID id, String slug, String name) {}

    /** The article a share carries (null for other posts); plain texts, to escape when shown. */
    public record ArticleCard(UUID id, String url, String title, String description, String image, String siteName) {}

    public record AuthorRef(UUID id, String username, String name) {}
}
