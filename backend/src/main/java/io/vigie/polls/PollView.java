package io.vigie.polls;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A poll as one reader sees it. Counts show only once the reader has voted or the poll has
 * closed ({@code resultsVisible}); before that each option's {@code votes} is null.
 *
 * @param voters    how many people voted (shown to everyone: it says whether the poll is alive)
 * @param myChoices the reader's own ballot, empty if none
 */
public record PollView(List<Option> options, boolean multiple, boolean anonymous, OffsetDateTime closesAt, boolean closed,
                       long voters, List<Integer> myChoices, boolean resultsVisible) {

    public record Option(int position, String label, Long votes) {}

    /** Who chose what, in a poll that is not anonymous: one list of people per option. */
    public record Voters(List<OptionVoters> options) {}

    public record OptionVoters(int position, String label, List<Person> people) {}

    public record Person(String username, String name) {}
}
