package io.vigie.ideas;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What a challenge shows beside its post, to one reader: never a jury score.
 *
 * @param closed  closed by hand, or past its deadline
 * @param sponsor whether the reader opened it
 * @param juror   whether the reader is on its jury
 */
public record ChallengeView(OffsetDateTime deadline, boolean closed, int winners, List<Criterion> criteria, List<PersonRef> jury,
                            long ideas, boolean sponsor, boolean juror) {

    public record Criterion(UUID id, String label, int weight) {}

    public record PersonRef(String username, String name) {}
}
