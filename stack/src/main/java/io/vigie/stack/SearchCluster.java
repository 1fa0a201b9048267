package io.vigie.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Elasticsearch nodes forming one cluster on loopback, each in a process of its own, for tests
 * that lose a node. The first node is master-eligible and bootstraps the cluster; the others hold
 * data only, so any of them can go without the cluster losing its master (losing the first one
 * needs three master-eligible nodes: {@code docs/production.md}).
 */
public final class SearchCluster implements AutoCloseable {

    private final StackSettings settings;
    private final Path dir;
    private final String clusterName;
    private final Map<String, NodeProcess> nodes = new LinkedHashMap<>();

    /** One node: its ports are fixed for its life, so a restarted node is found where it was. */
    private static final class NodeProcess {
        final String name;
        final int httpPort;
        final int transportPort;
        final List<String> roles;
        ManagedProcess process;

        NodeProcess(String name, List<String> roles) {
            this.name = name;
            this.httpPort = Probe.freePort();
            this.transportPort = Probe.freePort();
            this.roles = roles;
        }

        boolean isRunning() {
            return process != null && process.isAlive();
        }
    }

    private SearchCluster(StackSettings settings, Path dir, String clusterName) {
        this.settings = settings;
        this.dir = dir;
        this.clusterName = clusterName;
    }

    /**
     * Starts {@code size} nodes named {@code node-1 … node-N} with their data under {@code dir}
     * and returns once every node has joined.
     */
    public static SearchCluster start(StackSettings settings, Path dir, String clusterName, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a cluster needs a node");
        }
        SearchCluster cluster = new SearchCluster(settings, dir, clusterName);
        for (int i = 1; i <= size; i++) {
            List<String> roles = i == 1 ? List.of("master", "data") : List.of("data");
            String name = "node-" + i;
            cluster.nodes.put(name, new NodeProcess(name, roles));
        }
        try {
            cluster.nodes.keySet().forEach(cluster::startNode);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** Every node's HTTP address, as the API's {@code vigie.elasticsearch.url} takes them. */
    public List<String> urls() {
        return nodes.keySet().stream().map(this::url).toList();
    }

    public String url(String nodeName) {
        return "http://127.0.0.1:" + node(nodeName).httpPort;
    }

    /** Starts (or restarts, on its own data) one node and waits until the cluster counts it. */
    public void startNode(String nodeName) {
        NodeProcess node = node(nodeName);
        if (node.isRunning()) {
            return;
        }
        String seed = "127.0.0.1:" + nodes.values().iterator().next().transportPort;
        List<String> options = new ArrayList<>(List.of(
                "--cluster-name", clusterName,
                "--node-name", node.name,
                "--transport-port", Integer.toString(node.transportPort),
                "--seed-hosts", seed,
                "--roles", String.join(",", node.roles)));
        if (node.roles.contains("master")) {
            options.addAll(List.of("--initial-master-nodes", node.name));
        }
        List<String> command = ElasticsearchService.nodeCommand(settings, dir.resolve(node.name), node.httpPort, options);
        ManagedProcess process = ManagedProcess.start("Elasticsearch " + node.name, command, Map.of(), settings.home(),
                settings.logDir().resolve("search-cluster-" + node.name + ".log"));
        node.process = process;
        // ">=n", encoded: nodes started after this one may already be back.
        String joined = url(node.name) + "/_cluster/health?wait_for_nodes=%3E%3D" + position(node.name) + "&timeout=2s";
        try {
            Probe.await("Elasticsearch " + node.name, Duration.ofSeconds(120), () -> Probe.httpOk(joined), process::isAlive);
        } catch (StackException e) {
            throw new StackException(e.getMessage() + "; last lines of " + process.logFile() + ":\n" + process.logTail(30), e);
        }
    }

    /** Kills one node as a crash would (SIGKILL). */
    public void killNode(String nodeName) {
        NodeProcess node = node(nodeName);
        if (node.process != null) {
            node.process.kill();
            node.process = null;
        }
    }

    @Override
    public void close() {
        List<NodeProcess> reversed = new ArrayList<>(nodes.values());
        Collections.reverse(reversed);
        for (NodeProcess node : reversed) {
            if (node.process != null) {
                node.process.stop();
                node.process = null;
            }
        }
    }

    private NodeProcess node(String nodeName) {
        NodeProcess node = nodes.get(nodeName);
        if (node == null) {
            throw new IllegalArgumentException("no node " + nodeName + " in " + nodes.keySet());
        }
        return node;
    }

    /** Node n waits for at least n nodes: the ones started before it, and itself. */
    private int position(String nodeName) {
        return new ArrayList<>(nodes.keySet()).indexOf(nodeName) + 1;
    }
}
