package io.vigie.ui.api;

/** The counts after a vote, and the person's own vote (1, -1 or 0). */
public record VoteResult(int upvotes, int downvotes, int score, int myVote) {}
