package io.vigie.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where the embedded stack lives and which ports it uses.
 *
 * <p>Three profiles share the same code: {@code run} (the product on the usual ports), {@code test}
 * (its own ports and data, so the tests never touch a developer's data) and {@code bench} (the
 * benchmark's generated company, kept apart from both). Every port can be
 * overridden with an environment variable such as {@code VIGIE_UI_PORT} or a system property such as
 * {@code vigie.port.ui}.
 */
public record StackSettings(String profile, Path home, Path dataDir, Path distDir, Ports ports, boolean withApplications) {

    public static final String KEYCLOAK_VERSION = "26.7.3";
    public static final String REALM = "vigie";
    /** Demo-only credentials of the embedded Keycloak's master admin; printed by the run command. */
    public static final String KEYCLOAK_ADMIN_USER = "admin";
    public static final String KEYCLOAK_ADMIN_PASSWORD = "admin";
    public static final String DB_NAME = "vigie";
    public static final String DB_USER = "vigie";
    public static final String DB_PASSWORD = "vigie";

    public record Ports(int postgres, int elasticsearch, int keycloak, int keycloakManagement, int api, int ui) {}

    private static final Map<String, Ports> DEFAULT_PORTS = Map.of(
            "run", new Ports(5433, 9200, 8180, 8190, 8081, 8080),
            "test", new Ports(15433, 19200, 18180, 18190, 18081, 18080),
            "bench", new Ports(25433, 29200, 28180, 28190, 28081, 28080));

    public static StackSettings forProfile(String profile, boolean withApplications) {
        Ports defaults = Optional.ofNullable(DEFAULT_PORTS.get(profile))
                .orElseThrow(() -> new IllegalArgumentException("unknown profile " + profile));
        Path home = projectHome();
        Ports ports = new Ports(
                port("postgres", defaults.postgres()),
                port("es", defaults.elasticsearch()),
                port("keycloak", defaults.keycloak()),
                port("keycloak_management", defaults.keycloakManagement()),
                port("api", defaults.api()),
                port("ui", defaults.ui()));
        Path state = home.resolve(".vigie");
        return new StackSettings(profile, home, state.resolve(profile), state.resolve("dist"), ports, withApplications);
    }

    /** The project root: {@code vigie.home}, else the nearest folder above the working directory that holds keycloak-realm/. */
    static Path projectHome() {
        String configured = System.getProperty("vigie.home", System.getenv("VIGIE_HOME"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("keycloak-realm")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the Vigie project folder; set VIGIE_HOME");
    }

    private static int port(String name, int fallback) {
        String value = System.getProperty("vigie.port." + name,
                System.getenv("VIGIE_" + name.toUpperCase(Locale.ROOT) + "_PORT"));
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port for " + name + " is not a number: " + value);
        }
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    public Path keycloakHome() {
        return distDir.resolve("keycloak-" + KEYCLOAK_VERSION);
    }

    public String keycloakUrl() {
        return "http://localhost:" + ports.keycloak();
    }

    public String issuerUri() {
        return keycloakUrl() + "/realms/" + REALM;
    }

    public String elasticsearchUrl() {
        return "http://127.0.0.1:" + ports.elasticsearch();
    }

    public String apiUrl() {
        return "http://localhost:" + ports.api();
    }

    public String uiUrl() {
        return "http://localhost:" + ports.ui();
    }

    public String r2dbcUrl() {
        return r2dbcUrl(DB_NAME);
    }

    public String r2dbcUrl(String database) {
        return "r2dbc:postgresql://localhost:" + ports.postgres() + "/" + database;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + ports.postgres() + "/" + database;
    }

    /** The settings the API needs to reach this stack, as Spring property names. */
    public Map<String, String> apiProperties() {
        Map<String, String> properties = new TreeMap<>(Map.of(
                "spring.r2dbc.url", r2dbcUrl(),
                "spring.r2dbc.username", DB_USER,
                "spring.r2dbc.password", DB_PASSWORD,
                "spring.flyway.url", jdbcUrl(DB_NAME),
                "spring.flyway.user", DB_USER,
                "spring.flyway.password", DB_PASSWORD,
                "vigie.elasticsearch.url", elasticsearchUrl(),
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", issuerUri()));
        if ("test".equals(profile)) {
            // Tests prove that expired tokens are refused without waiting out the usual clock skew.
            properties.put("vigie.security.clock-skew", "0s");
            // Tests serve the pages they share from loopback; production fetches only the public internet.
            properties.put("vigie.links.allowed-networks", "127.0.0.1/32");
            // The suite writes far faster than a person; the rate limits have their own test, with tight limits.
            properties.put("vigie.rate-limits.enabled", "false");
            // Tests watch trends change within seconds; the lists' shared cache still runs, briefly.
            properties.put("vigie.trends.cache-time-to-live", "1s");
            // Tests watch a challenge close at its deadline within seconds.
            properties.put("vigie.challenges.close-every", "1s");
            properties.put("vigie.polls.results-every", "1s");
            // Tests read leaderboards right after the contributions they count (the cache has its unit test).
            properties.put("vigie.points.cache-time-to-live", "0s");
            properties.put("vigie.kpis.cache-time-to-live", "0s");
        } else if ("bench".equals(profile)) {
            // A handful of accounts stand in for 2,000 people: per-person write limits would measure the limiter.
            properties.put("vigie.rate-limits.enabled", "false");
        } else {
            // A newcomer signs in to a feed with something in it (seeded once, on the first start).
            properties.put("vigie.demo.enabled", "true");
            // The demo follows a feed the API serves itself (no internet needed): that one origin, nothing else on loopback.
            String demoOrigin = "http://127.0.0.1:" + ports.api();
            properties.put("vigie.demo.feed-url", demoOrigin + "/demo/feed.xml");
            properties.put("vigie.links.allowed-origins", demoOrigin);
        }
        return properties;
    }

    /** The settings the UI needs to reach this stack. */
    public Map<String, String> uiProperties() {
        return Map.of(
                "vigie.api.url", apiUrl(),
                "spring.security.oauth2.client.provider.keycloak.issuer-uri", issuerUri());
    }
}
