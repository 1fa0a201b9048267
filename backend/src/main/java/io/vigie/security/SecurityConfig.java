package io.vigie.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

import java.util.List;

/**
 * The API is an OAuth2 resource server: every call but the health check carries a Keycloak access
 * token, checked for signature, issuer, audience and expiry. Realm roles become authorities.
 */
@Configuration
@EnableWebFluxSecurity
class SecurityConfig {

    @Bean
    SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, ProblemResponses problems) {
        return http
                // Stateless bearer tokens and no cookies: CSRF does not apply, and no session is kept.
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .authorizeExchange(rules -> rules
                        .pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // Feed readers cannot sign in: a digest's address carries a personal token instead.
                        .pathMatchers(org.springframework.http.HttpMethod.GET, "/feeds/digest/*").permitAll()
                        // The demo's own news wire (registered only when the demo is on): public pages, as on the web.
                        .pathMatchers(org.springframework.http.HttpMethod.GET, "/demo/**").permitAll()
                        // A tracked link is clicked by people outside the company: public, and it only ever redirects to its item.
                        .pathMatchers(org.springframework.http.HttpMethod.GET, "/go/*").permitAll()
                        .pathMatchers(org.springframework.http.HttpMethod.HEAD, "/go/*").permitAll()
                        .pathMatchers("/api/admin/**").hasRole(Roles.ADMIN)
                        // Moderation is for moderators and admins: refused here, before a request body is even read.
                        .pathMatchers("/api/moderation/**", "/api/trends/review", "/api/trends/review/**",
                                "/api/trends/trusted-sites", "/api/trends/trusted-sites/**").hasAnyRole(Roles.MODERATOR, Roles.ADMIN)
                        // Moderators choose what employees are asked to share outside.
                        .pathMatchers(org.springframework.http.HttpMethod.POST, "/api/advocacy").hasAnyRole(Roles.MODERATOR, Roles.ADMIN)
                        .pathMatchers(org.springframework.http.HttpMethod.DELETE, "/api/advocacy/*").hasAnyRole(Roles.MODERATOR, Roles.ADMIN)
                        .pathMatchers("/api/**").hasRole(Roles.EMPLOYEE)
                        .anyExchange().denyAll())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(
                                new ReactiveJwtAuthenticationConverterAdapter(new KeycloakJwtConverter())))
                        .authenticationEntryPoint(problems::unauthorized)
                        .accessDeniedHandler(problems::forbidden))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(problems::unauthorized)
                        .accessDeniedHandler(problems::forbidden))
                .build();
    }

    /**
     * Keys come from Keycloak's JWKS endpoint, fetched on the first call (so the API starts even
     * while Keycloak is still starting) and cached. Only RS256 is accepted, which rules out
     * unsigned ({@code alg: none}) tokens.
     */
    @Bean
    ReactiveJwtDecoder jwtDecoder(@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
                                  TokenProperties properties) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
                .withJwkSetUri(issuer + "/protocol/openid-connect/certs")
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(properties.clockSkew()),
                new JwtIssuerValidator(issuer),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        audience -> audience != null && audience.contains(properties.audience()))));
        return decoder;
    }
}
