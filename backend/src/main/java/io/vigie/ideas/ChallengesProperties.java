package io.vigie.ideas;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** @param closeEvery how often each instance looks for challenges past their deadline */
@ConfigurationProperties("vigie.challenges")
public record ChallengesProperties(@DefaultValue("30s") Duration closeEvery) {}
