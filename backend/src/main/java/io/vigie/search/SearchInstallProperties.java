package io.vigie.search;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** How patiently the API retries installing the search configuration while Elasticsearch is away. */
@ConfigurationProperties("vigie.search")
public record SearchInstallProperties(@DefaultValue("500ms") Duration installRetryMinBackoff,
                                      @DefaultValue("30s") Duration installRetryMaxBackoff) {}
