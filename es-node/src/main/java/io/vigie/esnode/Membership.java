package io.vigie.esnode;

import java.util.List;
import java.util.Objects;

/**
 * How a node finds its peers: alone (single-node discovery, the development default), or as one
 * member of a cluster whose nodes talk over transport on loopback.
 *
 * @param nodeName           this node's name, unique in the cluster
 * @param transportPort      the transport port peers connect to, or 0 when alone
 * @param seedHosts          {@code host:port} transport addresses of the master-eligible nodes
 * @param initialMasterNodes names of the master-eligible nodes that bootstrap a new cluster
 *                           (read once, when the cluster forms for the first time)
 * @param roles              the node's roles, for example {@code master, data} or {@code data}
 */
public record Membership(String nodeName, int transportPort, List<String> seedHosts,
                         List<String> initialMasterNodes, List<String> roles) {

    private static final Membership ALONE = new Membership("vigie-es-node", 0, List.of(), List.of(), List.of());

    public Membership {
        Objects.requireNonNull(nodeName, "nodeName");
        if (nodeName.isBlank()) {
            throw new IllegalArgumentException("the node name is blank");
        }
        if (transportPort < 0 || transportPort > 65_535) {
            throw new IllegalArgumentException("transport port out of range: " + transportPort);
        }
        seedHosts = List.copyOf(seedHosts);
        initialMasterNodes = List.copyOf(initialMasterNodes);
        roles = List.copyOf(roles);
    }

    /** A cluster of one: no peers, nothing listening for them on a fixed port. */
    public static Membership alone() {
        return ALONE;
    }

    public static Membership member(String nodeName, int transportPort, List<String> seedHosts,
                                    List<String> initialMasterNodes, List<String> roles) {
        if (seedHosts.isEmpty()) {
            throw new IllegalArgumentException("a cluster member needs seed hosts");
        }
        if (transportPort == 0) {
            throw new IllegalArgumentException("a cluster member needs a fixed transport port: its peers dial it");
        }
        return new Membership(nodeName, transportPort, seedHosts, initialMasterNodes, roles);
    }

    public boolean isAlone() {
        return seedHosts.isEmpty();
    }
}
