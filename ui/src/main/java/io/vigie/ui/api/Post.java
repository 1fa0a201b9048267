package io.vigie.ui.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A post as the API shows it to the signed-in person (with its poll, if any). The HTML is already sanitised by the API. */
public record Post(UUID id, SpaceRef space, AuthorRef author, String html, String markdown, List<String> hashtags,
                   OffsetDateTime createdAt, OffsetDateTime editedAt, int upvotes, int downvotes, int score,
                   int commentCount, boolean pinned, int myVote, ArticleCard article, Poll poll,
                   String kind, String title, UUID acceptedAnswerId, Kudos kudos, Idea idea, Challenge challenge) {

    public boolean question() {
        return "question".equals(kind);
    }

    /** What an idea carries beside its post (null for other posts): status, problem, benefit. */
    public record Idea(String status, String declineReason, String problem, String benefit, ChallengeRef challenge,
                       long followers, boolean following, List<String> next) {}

    public record ChallengeRef(UUID id, String title) {}

    /** What a challenge carries beside its post (null for other posts): never a jury score. */
    public record Challenge(OffsetDateTime deadline, boolean closed, int winners, List<Criterion> criteria, List<Person> jury,
                            long ideas, boolean sponsor, boolean juror) {}

    public record Criterion(UUID id, String label, int weight) {}

    public record Person(String username, String name) {}

    /** The article a share carries (null for other posts); plain texts. */
    public record ArticleCard(UUID id, String url, String title, String description, String image, String siteName) {}

    public record SpaceRef(UUID id, String slug, String name) {}

    public record AuthorRef(UUID id, String username, String name) {}
}
