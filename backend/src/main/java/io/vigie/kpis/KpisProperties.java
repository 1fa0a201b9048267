package io.vigie.kpis;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param cacheTimeToLive how long a dashboard (one range, one department) is shared before it is
 *                        computed again: the figures may lag by that much
 */
@ConfigurationProperties("vigie.kpis")
public record KpisProperties(@DefaultValue("60s") Duration cacheTimeToLive) {}
