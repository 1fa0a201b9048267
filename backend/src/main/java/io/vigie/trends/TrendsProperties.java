package io.vigie.trends;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How trends are computed. The model is Mastodon's link trends: distinct people engaging in a
 * window, against the number expected from a baseline; a score only past a minimum of people;
 * the peak kept and halved every half-life.
 *
 * @param window      the "now" that rising compares: distinct people in the last window
 * @param lookback    how far back a peak is looked for (it then decays)
 * @param step        the spacing of the instants at which the score is taken within the lookback
 * @param baseline    the period before the lookback that sets the expectation
 * @param minPeople   fewer distinct people than this in a window never trend
 * @param halfLife    how fast a peak fades, unless a space sets its own
 * @param candidates  how many articles (or topics) the engine scores per request
 * @param size        how many trends a list shows
 * @param topicWindow the recent period whose themes are compared with the background
 * @param topicBackground the background period of trending topics
 * @param cacheTimeToLive how long a computed list is served to every reader of its scope (0: never kept)
 */
@ConfigurationProperties("vigie.trends")
public record TrendsProperties(@DefaultValue("6h") Duration window,
                               @DefaultValue("48h") Duration lookback,
                               @DefaultValue("1h") Duration step,
                               @DefaultValue("7d") Duration baseline,
                               @DefaultValue("3") int minPeople,
                               @DefaultValue("12h") Duration halfLife,
                               @DefaultValue("100") int candidates,
                               @DefaultValue("20") int size,
                               @DefaultValue("24h") Duration topicWindow,
                               @DefaultValue("30d") Duration topicBackground,
                               @DefaultValue("10s") Duration cacheTimeToLive) {}
