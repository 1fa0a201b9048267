package io.vigie.posts;

import io.vigie.ideas.ChallengeView;
import io.vigie.ideas.IdeaView;
import io.vigie.kudos.KudosView;
import io.vigie.polls.PollView;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A post as the API shows it to one reader; a share also shows its article, a poll its choices. A
 * question ({@code kind} "question") has a title and, once answered, the accepted answer's id;
 * kudos ({@code kind} "kudos") name the colleague thanked and the value; an idea ({@code kind}
 * "idea") its status, problem and benefit; a challenge ({@code kind} "challenge") its deadline,
 * criteria and jury, never a score.
 */
public record PostView(UUID id, SpaceRef space, AuthorRef author, String html, String markdown, List<String> hashtags,
                       OffsetDateTime createdAt, OffsetDateTime editedAt, int upvotes, int downvotes, int score,
                       int commentCount, boolean pinned, int myVote, ArticleCard article, PollView poll,
                       String kind, String title, UUID acceptedAnswerId, KudosView kudos, IdeaView idea, ChallengeView challenge) {

    /** The same post with the poll it carries, as the reader sees it (null: none). */
    public PostView withPoll(PollView shown) {
        return new PostView(id, space, author, html, markdown, hashtags, createdAt, editedAt, upvotes, downvotes, score,
                commentCount, pinned, myVote, article, shown, kind, title, acceptedAnswerId, kudos, idea, challenge);
    }

    /** The same post with the colleague and value it thanks, if it is kudos. */
    public PostView withKudos(KudosView shown) {
        return new PostView(id, space, author, html, markdown, hashtags, createdAt, editedAt, upvotes, downvotes, score,
                commentCount, pinned, myVote, article, poll, kind, title, acceptedAnswerId, shown, idea, challenge);
    }

    /** The same post with what it carries as an idea or a challenge (null: it is not one). */
    public PostView withIdeas(IdeaView shownIdea, ChallengeView shownChallenge) {
        return new PostView(id, space, author, html, markdown, hashtags, createdAt, editedAt, upvotes, downvotes, score,
                commentCount, pinned, myVote, article, poll, kind, title, acceptedAnswerId, kudos, shownIdea, shownChallenge);
    }

    public record SpaceRef(UUID id, String slug, String name) {}

    /** The article a share carries (null for other posts); plain texts, to escape when shown. */
    public record ArticleCard(UUID id, String url, String title, String description, String image, String siteName) {}

    public record AuthorRef(UUID id, String username, String name) {}
}
