package io.vigie.ideas;

import java.util.List;
import java.util.UUID;

/**
 * What an idea shows beside its post, to one reader.
 *
 * @param status        submitted, under_review, selected, in_progress, done or declined
 * @param declineReason why it was declined (null otherwise)
 * @param challenge     the challenge it answers (null: the open idea box)
 * @param next          the statuses this reader may move it to (empty: none, or not a reviewer)
 */
public record IdeaView(String status, String declineReason, String problem, String benefit, ChallengeRef challenge,
                       long followers, boolean following, List<String> next) {

    public record ChallengeRef(UUID id, String title) {}
}
