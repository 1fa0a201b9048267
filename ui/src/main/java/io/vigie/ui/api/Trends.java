package io.vigie.ui.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the trends API answers. Texts are plain (escape when shown). */
public final class Trends {

    private Trends() {}

    public record Card(UUID id, String url, String title, String description, String image, String siteName) {}

    public record Point(Instant at, long people) {}

    /** Why it trends: distinct people, departments, in a window of hours that ended hoursAgo hours ago. */
    public record Reason(long people, long departments, long windowHours, long hoursAgo, String text) {}

    public record ArticleTrend(Card article, double score, Reason reason, List<Point> curve) {}

    public record TopicTrend(String topic, double score, Reason reason) {}

    public record Topics(List<TopicTrend> rising, List<TopicTrend> significant) {}

    public record Topic(String topic, List<Point> curve, List<ArticleTrend> articles) {}

    public record Candidate(ArticleTrend trend, String host) {}

    public record Digest(UUID spaceId, String spaceName, Instant from, Instant to, List<ArticleTrend> articles) {}
}
