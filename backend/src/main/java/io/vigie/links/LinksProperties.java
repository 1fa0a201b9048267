package io.vigie.links;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * How Vigie fetches shared links.
 *
 * @param allowedNetworks  CIDRs fetched although special (a test server on loopback); empty in production
 * @param allowedOrigins   origins (an IP literal and a port) fetched although special: the demo's own feed on loopback
 * @param allowedPorts     ports allowed besides 80 and 443
 * @param maxRedirects     redirects followed, each checked
 * @param maxBytes         largest page read (after decompression)
 * @param connectTimeout   time to connect
 * @param responseTimeout  time for the server to answer and between reads
 * @param perHostPerMinute requests to one host per minute
 */
@ConfigurationProperties("vigie.links")
public record LinksProperties(@DefaultValue List<String> allowedNetworks,
                              @DefaultValue List<String> allowedOrigins,
                              @DefaultValue Set<Integer> allowedPorts,
                              @DefaultValue("5") int maxRedirects,
                              @DefaultValue("2097152") int maxBytes,
                              @DefaultValue("3s") Duration connectTimeout,
                              @DefaultValue("8s") Duration responseTimeout,
                              @DefaultValue("30") int perHostPerMinute) {}
