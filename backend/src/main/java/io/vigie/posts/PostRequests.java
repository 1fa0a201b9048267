package io.vigie.posts;

import io.vigie.polls.PollDraft;
import jakarta.validation.constraints.NotNull;

/** The bodies of the posts API. Length limits are checked by the content rules, with their own messages. */
final class PostRequests {

    private PostRequests() {}

    record Write(@NotNull(message = "must not be empty") String body) {}

    /** A new post; it may carry a poll (its text is the question). */
    record Create(@NotNull(message = "must not be empty") String body, PollDraft poll) {}

    record Vote(@NotNull(message = "must be 1 or -1") Integer value) {}

    record Pin(boolean pinned) {}

    /** What a vote changed. */
    record VoteResult(int upvotes, int downvotes, int score, int myVote) {}
}
