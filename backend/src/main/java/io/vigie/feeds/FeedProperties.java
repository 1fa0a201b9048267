package io.vigie.feeds;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The "relevant" order, after Lemmy's and Hacker News' hot rank: engagement on a log scale,
 * divided by age. Elasticsearch has no power-law decay without scripts, so age weighs through an
 * exponential decay whose half-life plays the part of the gravity: the shorter, the faster posts
 * sink.
 *
 * @param halfLife      after this long, a post's freshness factor is halved
 * @param voteWeight    weight of ln(2 + max(0, score))
 * @param commentWeight weight of ln(2 + comments): a discussion counts as much as votes
 * @param pageSize      default number of posts per page
 * @param maxPageSize   largest page a client may ask for
 */
@ConfigurationProperties("vigie.feed")
public record FeedProperties(@DefaultValue("18h") Duration halfLife,
                             @DefaultValue("1.0") double voteWeight,
                             @DefaultValue("1.0") double commentWeight,
                             @DefaultValue("20") int pageSize,
                             @DefaultValue("100") int maxPageSize) {}
