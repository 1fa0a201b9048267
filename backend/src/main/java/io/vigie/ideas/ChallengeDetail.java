package io.vigie.ideas;

import io.vigie.posts.PostView;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A challenge's page: its post (question, deadline, criteria, jury), the ideas submitted to it
 * with the employees' votes, and once closed the ranking.
 *
 * @param mayClose whether the reader may close it now (its sponsor, or a moderator)
 */
public record ChallengeDetail(PostView challenge, List<Ideas.Summary> ideas, List<Place> ranking, boolean mayClose) {

    /** A place in the ranking; {@code total} (made of jury scores) only for the jury and the sponsor. */
    public record Place(int rank, UUID ideaId, String title, ChallengeView.PersonRef author, boolean winner, BigDecimal total) {}
}
