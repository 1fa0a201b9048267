package io.vigie.stack;

import java.util.List;
import java.util.Locale;

/**
 * Where PostgreSQL, Elasticsearch and Keycloak come from: {@code embedded} (the default: real
 * servers started from Maven Central artifacts, no Docker needed) or {@code containers} (their
 * official images through Testcontainers, on a machine with a Docker engine). Chosen with the
 * system property {@code vigie.stack.source} or the variable {@code VIGIE_STACK_SOURCE}.
 */
public enum ServiceSource {
    EMBEDDED,
    CONTAINERS;

    public static ServiceSource current() {
        String value = System.getProperty("vigie.stack.source", System.getenv("VIGIE_STACK_SOURCE"));
        return parse(value);
    }

    static ServiceSource parse(String value) {
        if (value == null || value.isBlank()) {
            return EMBEDDED;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new StackException("unknown service source '" + value + "': use embedded or containers");
        }
    }

    List<StackService> services(StackSettings settings) {
        return switch (this) {
            case EMBEDDED -> List.of(new PostgresService(settings), new ElasticsearchService(settings), new KeycloakService(settings));
            case CONTAINERS -> ContainerService.all(settings);
        };
    }
}
