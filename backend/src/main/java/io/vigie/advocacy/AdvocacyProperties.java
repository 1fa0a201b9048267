package io.vigie.advocacy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param linkBase        the public address tracked links start with (say {@code https://vigie.example.com});
 *                        empty: the address the API was called at
 * @param clicksPerMinute how many tracked-link requests one IP address may make per minute (429 beyond)
 * @param sweepEvery      how often each instance deletes the visitor hashes and salts of past days
 */
@ConfigurationProperties("vigie.advocacy")
public record AdvocacyProperties(@DefaultValue("") String linkBase,
                                 @DefaultValue("60") int clicksPerMinute,
                                 @DefaultValue("1h") Duration sweepEvery) {}
