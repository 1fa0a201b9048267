package io.vigie.trends;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the trends API answers. Texts are plain: escape them when shown. */
public final class TrendViews {

    private TrendViews() {}

    /** An article as a trend list shows it. */
    public record Card(UUID id, String url, String title, String description, String image, String siteName) {}

    /** One point of an activity curve: distinct people in the bucket starting at {@code at}. */
    public record Point(Instant at, long people) {}

    /**
     * Why something trends, in numbers a client can phrase in its language, and in English: how
     * many distinct people from how many departments, in a window of {@code windowHours} that
     * ended {@code hoursAgo} hours ago.
     */
    public record Reason(long people, long departments, long windowHours, long hoursAgo, String text) {

        static Reason of(long people, long departments, long windowHours, long hoursAgo) {
            String who = people + (people == 1 ? " person" : " people") + " from " + departments
                    + (departments == 1 ? " department" : " departments");
            String when = hoursAgo == 0 ? " in the last " + hours(windowHours) : " in " + hours(windowHours) + ", " + hours(hoursAgo) + " ago";
            return new Reason(people, departments, windowHours, hoursAgo, who + when);
        }

        private static String hours(long hours) {
            if (hours % 24 == 0 && hours >= 48) {
                return hours / 24 + " days";
            }
            return hours + (hours == 1 ? " hour" : " hours");
        }
    }

    /** A trending article: its card, its score, why, and the curve of its activity. */
    public record ArticleTrend(Card article, double score, Reason reason, List<Point> curve) {}

    /** A trending theme (a tag or a keyword), with why. */
    public record TopicTrend(String topic, double score, Reason reason) {}

    /** Rising themes (the rising score on themes) and significant ones (more frequent now than in the background). */
    public record Topics(List<TopicTrend> rising, List<TopicTrend> significant) {}

    /** One theme over time, with the articles that carry it. */
    public record Topic(String topic, List<Point> curve, List<ArticleTrend> articles) {}

    /** A company-wide candidate waiting for a moderator. */
    public record Candidate(ArticleTrend trend, String host) {}
}
