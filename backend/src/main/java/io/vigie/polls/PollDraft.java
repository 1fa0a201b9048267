package io.vigie.polls;

import io.vigie.web.ApiProblems;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A poll as its author writes it, beside the post's text (the question).
 *
 * @param options   2 to 10 distinct choices
 * @param multiple  whether a ballot may hold several choices
 * @param anonymous whether nobody, the author and admins included, may see who chose what
 * @param closesAt  an optional deadline, in the future and within a year
 */
public record PollDraft(List<String> options, Boolean multiple, Boolean anonymous, OffsetDateTime closesAt) {

    /** Left out of the request: one answer, named ballots. */
    public PollDraft {
        multiple = Boolean.TRUE.equals(multiple);
        anonymous = Boolean.TRUE.equals(anonymous);
    }

    static final int MIN_OPTIONS = 2;
    static final int MAX_OPTIONS = 10;
    static final int MAX_OPTION_LENGTH = 200;
    static final Duration LONGEST = Duration.ofDays(366);

    /**
     * The draft with its options trimmed, or a 400 naming the field.
     */
    public PollDraft checked(OffsetDateTime now) {
        if (options == null || options.size() < MIN_OPTIONS || options.size() > MAX_OPTIONS) {
            throw ApiProblems.invalid("poll.options", "must hold " + MIN_OPTIONS + " to " + MAX_OPTIONS + " choices");
        }
        List<String> trimmed = options.stream().map(option -> option == null ? "" : option.strip()).toList();
        Set<String> seen = new HashSet<>();
        for (String option : trimmed) {
            if (option.isEmpty()) {
                throw ApiProblems.invalid("poll.options", "a choice is empty");
            }
            if (option.length() > MAX_OPTION_LENGTH) {
                throw ApiProblems.invalid("poll.options", "a choice is longer than " + MAX_OPTION_LENGTH + " characters");
            }
            if (!seen.add(option.toLowerCase(Locale.ROOT))) {
                throw ApiProblems.invalid("poll.options", "\"" + option + "\" is there twice");
            }
        }
        if (closesAt != null && !closesAt.isAfter(now)) {
            throw ApiProblems.invalid("poll.closesAt", "must be in the future");
        }
        if (closesAt != null && closesAt.isAfter(now.plus(LONGEST))) {
            throw ApiProblems.invalid("poll.closesAt", "must be within a year");
        }
        return new PollDraft(trimmed, multiple, anonymous, closesAt);
    }
}
