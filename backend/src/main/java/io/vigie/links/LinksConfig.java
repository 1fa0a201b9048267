package io.vigie.links;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.InetAddress;
import java.time.Clock;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LinksProperties.class)
class LinksConfig {

    @Bean
    LinkGuard linkGuard(LinksProperties properties) {
        return new LinkGuard(new AddressPolicy(properties.allowedNetworks()), properties.allowedPorts(), InetAddress::getAllByName,
                java.util.Set.copyOf(properties.allowedOrigins()));
    }

    @Bean(destroyMethod = "close")
    SafeFetcher safeFetcher(LinkGuard guard, LinksProperties properties) {
        return new SafeFetcher(guard, new SafeFetcher.Limits(properties.maxRedirects(), properties.maxBytes(),
                properties.connectTimeout(), properties.responseTimeout(), properties.perHostPerMinute()), Clock.systemUTC());
    }
}
