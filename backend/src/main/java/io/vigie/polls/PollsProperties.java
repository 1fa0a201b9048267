package io.vigie.polls;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param ballotSecret the key of the HMAC that names each ballot (see V18): set a long random value
 *                     in production and keep it; a changed secret makes people's ballots their own
 *                     no longer (they could vote again in open polls)
 * @param resultsEvery how often each instance looks for polls that closed, to tell their voters
 */
@ConfigurationProperties("vigie.polls")
public record PollsProperties(@DefaultValue("vigie-development-ballot-secret") String ballotSecret,
                              @DefaultValue("30s") java.time.Duration resultsEvery) {}
