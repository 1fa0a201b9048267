package io.vigie.posts;

import io.vigie.ideas.ChallengeDraft;
import io.vigie.ideas.IdeaDraft;
import io.vigie.polls.PollDraft;
import jakarta.validation.constraints.NotNull;

/** The bodies of the posts API. Length limits are checked by the content rules, with their own messages. */
final class PostRequests {

    private PostRequests() {}

    record Write(@NotNull(message = "must not be empty") String body) {}

    /**
     * A new post; it may carry a poll (its text is the poll's question), be a question asked to
     * colleagues ({@code kind} "question", with a {@code title}), or thank a colleague
     * ({@code kind} "kudos", {@code kudosTo} their username, {@code value} a company value's id),
     * propose an idea ({@code kind} "idea", a {@code title}, the text as the proposal, {@code idea}
     * its problem and benefit) or open a challenge ({@code kind} "challenge", a {@code title}, the
     * text as its question, {@code challenge} its deadline, criteria and jury).
     */
    record Create(@NotNull(message = "must not be empty") String body, PollDraft poll, String kind, String title,
                  String kudosTo, String value, IdeaDraft idea, ChallengeDraft challenge) {}

    /** The answer a question's asker accepts (null: none any more). */
    record Accept(java.util.UUID commentId) {}

    record Vote(@NotNull(message = "must be 1 or -1") Integer value) {}

    record Pin(boolean pinned) {}

    /** What a vote changed. */
    record VoteResult(int upvotes, int downvotes, int score, int myVote) {}
}
