package io.vigie.sources;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How watch sources are polled.
 *
 * @param enabled    whether this instance polls (every instance may: sources are claimed with a lease)
 * @param tick       how often the poller looks for due sources
 * @param interval   time between two polls of a healthy source
 * @param maxBackoff longest wait after repeated errors (the wait doubles from {@code interval})
 * @param lease      how long a claimed source is left to the instance polling it
 * @param batch      sources polled per tick
 * @param maxItems   newest items taken from one poll
 * @param maxSources sources per space
 */
@ConfigurationProperties("vigie.sources")
public record SourcesProperties(@DefaultValue("true") boolean enabled,
                                @DefaultValue("10s") Duration tick,
                                @DefaultValue("30m") Duration interval,
                                @DefaultValue("24h") Duration maxBackoff,
                                @DefaultValue("5m") Duration lease,
                                @DefaultValue("10") int batch,
                                @DefaultValue("50") int maxItems,
                                @DefaultValue("50") int maxSources) {

    /** The wait after {@code failures} errors in a row: the interval, doubled each time, at most {@code maxBackoff}. */
    Duration backoff(int failures) {
        if (failures <= 0) {
            return interval;
        }
        long factor = 1L << Math.min(failures, 20);
        Duration wait = interval.multipliedBy(factor);
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
