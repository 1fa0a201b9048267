package io.vigie.esnode;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What an {@link EmbeddedNode} needs to start.
 *
 * @param home       the node's home: {@code config/}, {@code logs/}, {@code native/} and {@code http.port} live here
 * @param data       the data folder; reuse it to restart a node with its indices
 * @param httpPort   the HTTP port, or 0 for any free port
 * @param clusterName the cluster name reported by the node
 * @param logLevel   the root log level (log4j name: ERROR, WARN, INFO, DEBUG)
 * @param membership alone, or one node of a cluster on loopback
 */
public record NodeConfig(Path home, Path data, int httpPort, String clusterName, String logLevel, Membership membership) {

    public static final String DEFAULT_CLUSTER_NAME = "vigie";
    /** Quiet by default: the node's INFO chatter would drown the launcher's output. */
    public static final String DEFAULT_LOG_LEVEL = "WARN";

    public NodeConfig {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(logLevel, "logLevel");
        Objects.requireNonNull(membership, "membership");
        if (httpPort < 0 || httpPort > 65_535) {
            throw new IllegalArgumentException("http port out of range: " + httpPort);
        }
        home = home.toAbsolutePath().normalize();
        data = data.toAbsolutePath().normalize();
    }

    public static NodeConfig of(Path home, Path data, int httpPort) {
        return new NodeConfig(home, data, httpPort, DEFAULT_CLUSTER_NAME, DEFAULT_LOG_LEVEL, Membership.alone());
    }

    public NodeConfig withClusterName(String name) {
        return new NodeConfig(home, data, httpPort, name, logLevel, membership);
    }

    public NodeConfig withLogLevel(String level) {
        return new NodeConfig(home, data, httpPort, clusterName, level, membership);
    }

    public NodeConfig withMembership(Membership member) {
        return new NodeConfig(home, data, httpPort, clusterName, logLevel, member);
    }
}
