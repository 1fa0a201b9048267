package io.vigie.points;

import java.util.List;

/**
 * A milestone: a number of contributions of one kind, or of points. Badges are read from the
 * contributions like points, so they follow a deleted post or a changed rule at once.
 *
 * @param kind      a contribution's kind, or {@code points}
 * @param threshold how many of them (or how many points)
 */
public record Badge(String id, String kind, int threshold) {

    static final String POINTS = "points";

    /** Every badge, from the first steps to the rare ones. */
    static final List<Badge> ALL = List.of(
            new Badge("first-post", "post", 1),
            new Badge("storyteller", "post", 50),
            new Badge("helper", "answer", 5),
            new Badge("solver", "accepted_answer", 1),
            new Badge("mentor", "accepted_answer", 10),
            new Badge("innovator", "idea_selected", 1),
            new Badge("curator", "share_upvote", 25),
            new Badge("rising", POINTS, 100),
            new Badge("pillar", POINTS, 1000));
}
