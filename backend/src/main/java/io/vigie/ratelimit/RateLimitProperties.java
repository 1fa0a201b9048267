package io.vigie.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How much one person may write, per kind: {@code capacity} writes, refilled evenly over
 * {@code period} (a burst of the whole capacity is allowed). The defaults are in
 * {@code application.yml}. Limits hold per API instance: with several instances behind a load
 * balancer, a person may reach up to that many times the limit.
 */
@ConfigurationProperties("vigie.rate-limits")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, Limit posts, Limit comments, Limit votes, Limit shares,
                                  Limit reports) {

    public record Limit(int capacity, Duration period) {}
}
