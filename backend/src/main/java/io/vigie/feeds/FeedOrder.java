package io.vigie.feeds;

import io.vigie.web.ApiProblems;

import java.util.Locale;

/** Relevant: engagement and freshness combined. Latest: newest first. */
public enum FeedOrder {
    RELEVANT, LATEST;

    static FeedOrder parse(String value) {
        if (value == null || value.isBlank()) {
            return RELEVANT;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblems.invalid("order", "must be relevant or latest");
        }
    }
}
