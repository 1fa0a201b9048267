package io.vigie.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the API checks Keycloak's access tokens.
 *
 * @param audience  the {@code aud} value a token must carry to be meant for this API
 * @param clockSkew how far the token's times may disagree with this machine's clock
 */
@ConfigurationProperties("vigie.security")
public record TokenProperties(@DefaultValue("vigie-api") String audience, @DefaultValue("30s") Duration clockSkew) {}
