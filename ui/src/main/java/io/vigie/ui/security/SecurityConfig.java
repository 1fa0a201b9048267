package io.vigie.ui.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import java.net.URI;

/**
 * Sign-in and sign-out through Keycloak (OIDC authorization code with PKCE). Signing out of Vigie
 * also ends the Keycloak session (RP-initiated logout), so the next visitor on this browser must
 * sign in again.
 */
@Configuration
@EnableWebSecurity
class SecurityConfig {

    static final String LOGIN_PATH = "/oauth2/authorization/keycloak";

    /**
     * What the browser may run and load on Vigie's pages. Vaadin's client engine needs inline
     * bootstrap scripts and {@code eval} (its documented requirement), and inline styles; everything
     * else is locked down: no plugins, no framing by other sites, forms only to Vigie and Keycloak,
     * scripts and connections only from Vigie itself. Article cover images come from the articles'
     * sites, hence any image source.
     */
    static String contentSecurityPolicy(String keycloakOrigin) {
        return String.join("; ",
                "default-src 'self'",
                "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data: https: http:",
                "font-src 'self' data:",
                "connect-src 'self'",
                "object-src 'none'",
                "base-uri 'self'",
                "form-action 'self' " + keycloakOrigin,
                "frame-ancestors 'none'");
    }

    @Bean
    SecurityFilterChain uiSecurity(HttpSecurity http,
                                   @Value("${spring.security.oauth2.client.provider.keycloak.issuer-uri}") String issuer) throws Exception {
        URI keycloak = URI.create(issuer);
        String keycloakOrigin = keycloak.getScheme() + "://" + keycloak.getAuthority();
        // HSTS is written on secure requests only (behind TLS: see server.forward-headers-strategy).
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(keycloakOrigin)))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(frame -> frame.deny())
                .permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=(), payment=()")));
        http.authorizeHttpRequests(rules -> rules
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                // Our own static style sheets: public, like Vaadin's.
                .requestMatchers("/styles/**").permitAll());
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.oauth2LoginPage(LOGIN_PATH, "{baseUrl}/"));
        return http.build();
    }
}
