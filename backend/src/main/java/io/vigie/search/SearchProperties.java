package io.vigie.search;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How search ranks: BM25 text relevance first, multiplied by a small boost from social signals
 * (each term is {@code weight × f}, summed with 1). The weights are named so they can be tuned
 * against the relevance evaluation ({@code ./vigie evaluate}) rather than guessed.
 *
 * @param voteWeight      weight of ln(2 + max(0, score))
 * @param commentWeight   weight of ln(2 + comments)
 * @param freshnessWeight weight of an exponential decay on the creation date
 * @param freshnessScale  age at which the freshness term is halved
 * @param fuzzyBoost      weight of the typo-tolerant clause, small so exact matches stay on top
 * @param phraseBoost     bonus when the words appear together, in order (slop 3)
 * @param pageSize        default results per page
 * @param maxPageSize     largest page a client may ask for
 * @param pointInTime     how long a result list stays consistent between pages
 */
@ConfigurationProperties("vigie.search")
public record SearchProperties(@DefaultValue("0.1") double voteWeight,
                               @DefaultValue("0.05") double commentWeight,
                               @DefaultValue("0.2") double freshnessWeight,
                               @DefaultValue("30d") Duration freshnessScale,
                               @DefaultValue("0.2") double fuzzyBoost,
                               @DefaultValue("1.0") double phraseBoost,
                               @DefaultValue("20") int pageSize,
                               @DefaultValue("50") int maxPageSize,
                               @DefaultValue("3m") Duration pointInTime) {}
