package io.vigie.ui.api;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A post's poll as the API shows it to the signed-in person. Each option's {@code votes} is null
 * until the person has voted or the poll has closed.
 */
public record Poll(List<Option> options, boolean multiple, boolean anonymous, OffsetDateTime closesAt, boolean closed,
                   long voters, List<Integer> myChoices, boolean resultsVisible) {

    public record Option(int position, String label, Long votes) {}

    /** What the author writes beside the question. */
    public record Draft(List<String> options, boolean multiple, boolean anonymous, OffsetDateTime closesAt) {}

    /** Who chose what (named polls only). */
    public record Voters(List<OptionVoters> options) {}

    public record OptionVoters(int position, String label, List<Person> people) {}

    public record Person(String username, String name) {}
}
