package io.vigie.security;

import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The realm roles of Keycloak that Vigie knows, and where Keycloak puts them in a token. */
public final class Roles {
    public static final String EMPLOYEE = "employee";
    public static final String MODERATOR = "moderator";
    public static final String ADMIN = "admin";
    /** Reads the KPIs of their own department (the department comes from their Keycloak group). */
    public static final String DEPARTMENT_HEAD = "department-head";

    private Roles() {}

    /** Moderators, and admins (who moderate too, whether or not they hold the moderator role). */
    public static boolean moderates(Jwt jwt) {
        List<String> roles = realmRoles(jwt);
        return roles.contains(MODERATOR) || roles.contains(ADMIN);
    }

    /** Keycloak lists realm roles under {@code realm_access.roles}. */
    public static List<String> realmRoles(Jwt jwt) {
        Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
        if (realmAccess == null || !(realmAccess.get("roles") instanceof Collection<?> roles)) {
            return List.of();
        }
        return roles.stream().map(String::valueOf).sorted().toList();
    }
}
