package io.vigie.indexing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the indexer drains the outbox.
 *
 * @param batchSize     outbox rows claimed per bulk request
 * @param idlePoll      pause between looks at an empty outbox
 * @param minBackoff    first pause after Elasticsearch failed
 * @param maxBackoff    longest pause while Elasticsearch stays down
 * @param enabled       off for tools that must not index (tests of the outbox itself)
 */
@ConfigurationProperties("vigie.indexing")
public record IndexingProperties(@DefaultValue("500") int batchSize,
                                 @DefaultValue("100ms") Duration idlePoll,
                                 @DefaultValue("200ms") Duration minBackoff,
                                 @DefaultValue("10s") Duration maxBackoff,
                                 @DefaultValue("true") boolean enabled) {}
