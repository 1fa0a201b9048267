package io.vigie.directory;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How Vigie reaches Keycloak's Admin REST API: the confidential service-account client of the
 * realm (its secret is a demo value in the realm file; set {@code VIGIE_ADMIN_CLIENT_SECRET} for
 * Keycloak and {@code vigie.directory.client-secret} for the API outside development).
 *
 * @param clientId     the service-account client
 * @param clientSecret its secret
 * @param timeout      per call to Keycloak: an admin screen answers "unavailable" rather than hang
 */
@ConfigurationProperties("vigie.directory")
record DirectoryProperties(String clientId, String clientSecret, Duration timeout) {

    DirectoryProperties {
        clientId = clientId == null ? "vigie-admin" : clientId;
        clientSecret = clientSecret == null ? "vigie-admin-dev-secret" : clientSecret;
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
    }
}
