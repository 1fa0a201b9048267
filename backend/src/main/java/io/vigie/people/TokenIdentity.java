package io.vigie.people;

import io.vigie.security.Roles;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Who a valid access token says its bearer is: the claims Keycloak puts in it. */
record TokenIdentity(UUID id, String username, String displayName, String email, String department, List<String> roles,
                     OffsetDateTime issuedAt) {

    static TokenIdentity of(Jwt jwt) {
        String username = Objects.requireNonNullElse(jwt.getClaimAsString("preferred_username"), jwt.getSubject());
        String name = jwt.getClaimAsString("name");
        return new TokenIdentity(
                UUID.fromString(jwt.getSubject()),
                username,
                name == null || name.isBlank() ? username : name,
                jwt.getClaimAsString("email"),
                jwt.getClaimAsString("department"),
                Roles.realmRoles(jwt),
                // A token without iat is treated as old: it never overrides an admin's change.
                (jwt.getIssuedAt() == null ? java.time.Instant.EPOCH : jwt.getIssuedAt()).atOffset(ZoneOffset.UTC));
    }
}
