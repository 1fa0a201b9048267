package io.vigie.ui.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/** Where the UI finds the API, and how long it waits for it. */
@ConfigurationProperties("vigie.api")
public record ApiProperties(@DefaultValue("http://localhost:8081") URI url,
                            @DefaultValue("2s") Duration connectTimeout,
                            @DefaultValue("10s") Duration readTimeout) {}
