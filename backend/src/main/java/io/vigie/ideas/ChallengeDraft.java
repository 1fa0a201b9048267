package io.vigie.ideas;

import io.vigie.web.ApiProblems;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A challenge as its sponsor opens it, beside the post (the title and text are its question).
 *
 * @param deadline when it closes by itself: in the future, within a year
 * @param winners  how many of the best-ranked ideas win (1 to 10; 3 when left out)
 * @param criteria what the jury scores, each with a weight
 * @param jury     the jurors' usernames (1 to 15)
 */
public record ChallengeDraft(OffsetDateTime deadline, Integer winners, List<Criterion> criteria, List<String> jury) {

    /** A criterion and its weight (1 to 100) in the total. */
    public record Criterion(String label, Integer weight) {}

    static final int MAX_CRITERIA = 8;
    static final int MAX_JURORS = 15;
    static final int MAX_LABEL_LENGTH = 80;
    static final Duration LONGEST = Duration.ofDays(366);

    /** Trimmed and complete, or a 400 naming the field. */
    public ChallengeDraft checked(OffsetDateTime now) {
        if (deadline == null || !deadline.isAfter(now)) {
            throw ApiProblems.invalid("challenge.deadline", "must be in the future");
        }
        if (deadline.isAfter(now.plus(LONGEST))) {
            throw ApiProblems.invalid("challenge.deadline", "must be within a year");
        }
        int winnerCount = winners == null ? 3 : winners;
        if (winnerCount < 1 || winnerCount > 10) {
            throw ApiProblems.invalid("challenge.winners", "must be between 1 and 10");
        }
        if (criteria == null || criteria.isEmpty() || criteria.size() > MAX_CRITERIA) {
            throw ApiProblems.invalid("challenge.criteria", "must hold 1 to " + MAX_CRITERIA + " criteria");
        }
        Set<String> seen = new HashSet<>();
        List<Criterion> trimmed = criteria.stream().map(criterion -> {
            String label = criterion == null || criterion.label() == null ? "" : criterion.label().strip();
            if (label.isEmpty() || label.length() > MAX_LABEL_LENGTH) {
                throw ApiProblems.invalid("challenge.criteria", "each needs a label of 1 to " + MAX_LABEL_LENGTH + " characters");
            }
            if (!seen.add(label.toLowerCase(Locale.ROOT))) {
                throw ApiProblems.invalid("challenge.criteria", "\"" + label + "\" is there twice");
            }
            int weight = criterion.weight() == null ? 1 : criterion.weight();
            if (weight < 1 || weight > 100) {
                throw ApiProblems.invalid("challenge.criteria", "\"" + label + "\": the weight must be between 1 and 100");
            }
            return new Criterion(label, weight);
        }).toList();
        Set<String> jurors = new LinkedHashSet<>();
        (jury == null ? List.<String>of() : jury).forEach(name -> {
            if (name != null && !name.isBlank()) {
                jurors.add(name.strip().replaceFirst("^@", ""));
            }
        });
        if (jurors.isEmpty() || jurors.size() > MAX_JURORS) {
            throw ApiProblems.invalid("challenge.jury", "must name 1 to " + MAX_JURORS + " people");
        }
        return new ChallengeDraft(deadline, winnerCount, trimmed, List.copyOf(jurors));
    }
}
