package io.vigie.points;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** @param cacheTimeToLive how long a period's board is shared before it is computed again (0: every read) */
@ConfigurationProperties("vigie.points")
public record PointsProperties(@DefaultValue("60s") Duration cacheTimeToLive) {}
