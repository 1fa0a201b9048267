package io.vigie.ideas;

import io.vigie.web.ApiProblems;

import java.util.UUID;

/**
 * What an idea carries beside its post (the post's title is the idea's title, its text the
 * proposal).
 *
 * @param problem     what goes wrong today
 * @param benefit     what the company gains if it is done
 * @param challengeId the open challenge it answers, if any
 */
public record IdeaDraft(String problem, String benefit, UUID challengeId) {

    static final int MAX_LENGTH = 4000;

    /** Trimmed, or a 400 naming the field. */
    public IdeaDraft checked() {
        return new IdeaDraft(required("idea.problem", problem), required("idea.benefit", benefit), challengeId);
    }

    private static String required(String field, String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw ApiProblems.invalid(field, "must not be empty");
        }
        if (trimmed.length() > MAX_LENGTH) {
            throw ApiProblems.invalid(field, "is " + trimmed.length() + " characters long; the limit is " + MAX_LENGTH);
        }
        return trimmed;
    }
}
