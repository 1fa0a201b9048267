package io.vigie.stack;

/**
 * What tests need to know about the running test stack. The settings are also published as system
 * properties, so a {@code @SpringBootTest} of the API picks them up without any test configuration.
 */
public final class TestStack {

    private static volatile StackSettings current;
    private static volatile VigieStack stack;

    private TestStack() {}

    static void publish(VigieStack started) {
        stack = started;
        StackSettings settings = started.settings();
        current = settings;
        settings.apiProperties().forEach(System::setProperty);
        System.setProperty("vigie.test.keycloak-url", settings.keycloakUrl());
        System.setProperty("vigie.test.ui-url", settings.uiUrl());
        System.setProperty("vigie.test.api-url", settings.apiUrl());
    }

    /** Stops the search engine (fault tests); {@link #startElasticsearch()} brings it back on the same data. */
    public static void stopElasticsearch() {
        stack.stopService("Elasticsearch");
    }

    public static void startElasticsearch() {
        stack.startService("Elasticsearch");
    }

    /** Stops the identity provider (fault tests); {@link #startKeycloak()} brings it back on the same data. */
    public static void stopKeycloak() {
        stack.stopService("Keycloak");
    }

    public static void startKeycloak() {
        stack.startService("Keycloak");
    }

    /** Stops the database (fault tests); {@link #startPostgres()} brings it back on the same data and port. */
    public static void stopPostgres() {
        stack.stopService("PostgreSQL");
    }

    public static void startPostgres() {
        stack.startService("PostgreSQL");
    }

    /** Kills the API process as a crash would (only when the stack runs it: system tests); {@link #startApi()} restarts it. */
    public static void killApi() {
        stack.killService("API");
    }

    public static void startApi() {
        stack.startService("API");
    }

    /** The settings of the stack this test run uses. */
    public static StackSettings settings() {
        if (current == null) {
            throw new IllegalStateException("no test stack: set the system property vigie.stack=services or all");
        }
        return current;
    }
}
