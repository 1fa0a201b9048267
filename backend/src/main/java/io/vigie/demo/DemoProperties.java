package io.vigie.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo content for newcomers. Off unless asked for: the run command turns it on, production
 * configuration never does.
 *
 * @param enabled whether to seed the demo network at the first start (when there are no posts yet)
 * @param feedUrl the demo watch source: a feed this API serves under /demo (its origin must be in
 *                {@code vigie.links.allowed-origins}, being on loopback)
 */
@ConfigurationProperties("vigie.demo")
public record DemoProperties(@DefaultValue("false") boolean enabled,
                             @DefaultValue("http://127.0.0.1:8081/demo/feed.xml") String feedUrl) {}
