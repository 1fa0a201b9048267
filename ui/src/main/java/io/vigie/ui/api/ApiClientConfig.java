package io.vigie.ui.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import java.net.http.HttpClient;

/**
 * Token relay: every call to the API carries the signed-in person's access token, refreshed with
 * the refresh token when it has expired.
 */
@Configuration
class ApiClientConfig {

    static final String REGISTRATION = "keycloak";

    @Bean
    @Primary
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
                                                          OAuth2AuthorizedClientRepository authorizedClients) {
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken()
                .build());
        return manager;
    }

    /**
     * For background threads (live updates pushed to the browser): there is no HTTP request there,
     * so authorized clients come from the client service, and tokens are refreshed through it.
     */
    @Bean
    AuthorizedClientServiceOAuth2AuthorizedClientManager backgroundClientManager(ClientRegistrationRepository registrations,
                                                                                OAuth2AuthorizedClientService clients) {
        AuthorizedClientServiceOAuth2AuthorizedClientManager manager =
                new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().refreshToken().build());
        return manager;
    }

    @Bean
    RestClient apiRestClient(RestClient.Builder builder, ApiProperties properties,
                             @Qualifier("authorizedClientManager") OAuth2AuthorizedClientManager manager) {
        OAuth2ClientHttpRequestInterceptor relay = new OAuth2ClientHttpRequestInterceptor(manager);
        relay.setClientRegistrationIdResolver(request -> REGISTRATION);
        // The default resolver captures the security-context strategy when this bean is created, before
        // Vaadin installs its own, and then sees an anonymous user: look the strategy up at call time.
        relay.setPrincipalResolver(request -> SecurityContextHolder.getContext().getAuthentication());
        return builder
                .baseUrl(properties.url().toString())
                .requestFactory(requestFactory(properties))
                .requestInterceptor(relay)
                .build();
    }

    private static JdkClientHttpRequestFactory requestFactory(ApiProperties properties) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(properties.readTimeout());
        return factory;
    }
}
