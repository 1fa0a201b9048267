package io.vigie.ui.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Sign-in and sign-out through Keycloak (OIDC authorization code with PKCE). Signing out of Vigie
 * also ends the Keycloak session (RP-initiated logout), so the next visitor on this browser must
 * sign in again.
 */
@Configuration
@EnableWebSecurity
class SecurityConfig {

    static final String LOGIN_PATH = "/oauth2/authorization/keycloak";

    @Bean
    SecurityFilterChain uiSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(rules -> rules
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                // Our own static style sheets: public, like Vaadin's.
                .requestMatchers("/styles/**").permitAll());
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.oauth2LoginPage(LOGIN_PATH, "{baseUrl}/"));
        return http.build();
    }
}
