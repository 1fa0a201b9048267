package io.vigie.esnode;

import java.nio.file.Path;

/** Command-line options of {@link ElasticsearchNodeMain}. */
record LaunchOptions(NodeConfig config) {

    static final String USAGE = "usage: ElasticsearchNodeMain --home DIR --data DIR --http-port N"
            + " [--cluster-name NAME] [--log-level LEVEL]";

    /** @throws IllegalArgumentException with a message fit for the user */
    static LaunchOptions parse(String... args) {
        Path home = null;
        Path data = null;
        Integer httpPort = null;
        String clusterName = NodeConfig.DEFAULT_CLUSTER_NAME;
        String logLevel = NodeConfig.DEFAULT_LOG_LEVEL;
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + name);
            }
            String value = args[i + 1];
            switch (name) {
                case "--home" -> home = Path.of(value);
                case "--data" -> data = Path.of(value);
                case "--http-port" -> httpPort = parsePort(value);
                case "--cluster-name" -> clusterName = value;
                case "--log-level" -> logLevel = value;
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (home == null || data == null || httpPort == null) {
            throw new IllegalArgumentException("--home, --data and --http-port are required");
        }
        return new LaunchOptions(new NodeConfig(home, data, httpPort, clusterName, logLevel));
    }

    private static int parsePort(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--http-port is not a number: " + value);
        }
    }
}
