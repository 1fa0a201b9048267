package io.vigie.esnode;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Command-line options of {@link ElasticsearchNodeMain}. */
record LaunchOptions(NodeConfig config) {

    static final String USAGE = "usage: ElasticsearchNodeMain --home DIR --data DIR --http-port N"
            + " [--cluster-name NAME] [--log-level LEVEL]"
            + " [--node-name NAME --transport-port N --seed-hosts HOST:PORT,... [--initial-master-nodes NAME,...] [--roles ROLE,...]]";

    /** @throws IllegalArgumentException with a message fit for the user */
    static LaunchOptions parse(String... args) {
        Path home = null;
        Path data = null;
        Integer httpPort = null;
        String clusterName = NodeConfig.DEFAULT_CLUSTER_NAME;
        String logLevel = NodeConfig.DEFAULT_LOG_LEVEL;
        String nodeName = null;
        int transportPort = 0;
        List<String> seedHosts = List.of();
        List<String> initialMasterNodes = List.of();
        List<String> roles = List.of();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + name);
            }
            String value = args[i + 1];
            switch (name) {
                case "--home" -> home = Path.of(value);
                case "--data" -> data = Path.of(value);
                case "--http-port" -> httpPort = parsePort(name, value);
                case "--cluster-name" -> clusterName = value;
                case "--log-level" -> logLevel = value;
                case "--node-name" -> nodeName = value;
                case "--transport-port" -> transportPort = parsePort(name, value);
                case "--seed-hosts" -> seedHosts = list(value);
                case "--initial-master-nodes" -> initialMasterNodes = list(value);
                case "--roles" -> roles = list(value);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (home == null || data == null || httpPort == null) {
            throw new IllegalArgumentException("--home, --data and --http-port are required");
        }
        Membership membership;
        if (seedHosts.isEmpty()) {
            if (nodeName != null || transportPort != 0 || !initialMasterNodes.isEmpty() || !roles.isEmpty()) {
                throw new IllegalArgumentException("cluster options need --seed-hosts");
            }
            membership = Membership.alone();
        } else {
            if (nodeName == null) {
                throw new IllegalArgumentException("a cluster member needs --node-name");
            }
            membership = Membership.member(nodeName, transportPort, seedHosts, initialMasterNodes, roles);
        }
        return new LaunchOptions(new NodeConfig(home, data, httpPort, clusterName, logLevel, membership));
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static int parsePort(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " is not a number: " + value);
        }
    }
}
