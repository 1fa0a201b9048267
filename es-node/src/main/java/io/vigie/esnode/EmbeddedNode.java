package io.vigie.esnode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.vigie.esnode.analysis.VigieAnalysisPlugin;
import org.apache.logging.log4j.LogManager;
import org.elasticsearch.action.admin.cluster.health.ClusterHealthResponse;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.core.TimeValue;
import org.elasticsearch.env.Environment;
import org.elasticsearch.http.BindHttpException;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.NodeValidationException;
import org.elasticsearch.node.VigieNode;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.transport.netty4.Netty4Plugin;

/**
 * A real Elasticsearch node running in this JVM, serving HTTP on 127.0.0.1.
 *
 * <p>Run it in a JVM of its own: its Netty 4.1 and log4j must not meet Spring Boot's. Tests of
 * this module and {@link ElasticsearchNodeMain} are the intended users.
 */
public final class EmbeddedNode implements AutoCloseable {

    public static final String HOST = "127.0.0.1";
    private static final long CLOSE_TIMEOUT_SECONDS = 30;
    /** Plain numbers: initialising this class must not initialise any Elasticsearch class. */
    private static final long RECOVERY_TIMEOUT_SECONDS = 60;

    /** Netty brings HTTP and transport; the other two stand in for modules Central lacks. */
    private static final List<Class<? extends Plugin>> PLUGINS =
            List.of(Netty4Plugin.class, RootEndpointPlugin.class, VigieAnalysisPlugin.class);

    private final VigieNode node;
    private final int httpPort;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedNode(VigieNode node) {
        this.node = node;
        this.httpPort = node.httpPort();
    }

    public static EmbeddedNode start(Path home, Path data, int httpPort) {
        return start(NodeConfig.of(home, data, httpPort));
    }

    /**
     * Starts a node and returns once HTTP is bound and the primary shards of existing indices
     * are active (or a minute has passed, which is logged).
     *
     * @throws PortInUseException when {@code config.httpPort()} is taken
     */
    public static EmbeddedNode start(NodeConfig config) {
        // Before anything initialises an Elasticsearch, Netty or log4j class.
        JvmPreparation.prepare(config.home());
        createDirectories(config.home().resolve("config"), config.data());
        // Fail fast instead of after the seconds that building a node takes.
        ensurePortFree(config.httpPort());

        Settings settings = nodeSettings(config);
        NodeLogging.configureOnce(settings, config.logLevel());
        Environment environment = InternalSettingsPreparer.prepareEnvironment(
                settings, Map.of(), config.home().resolve("config"), () -> config.membership().nodeName());

        VigieNode node = new VigieNode(environment, PLUGINS);
        try {
            node.start();
            awaitPrimaryShards(node);
            return new EmbeddedNode(node);
        } catch (NodeValidationException | RuntimeException e) {
            closeQuietly(node, e);
            if (isBindFailure(e)) {
                throw new PortInUseException(config.httpPort(), e);
            }
            throw new IllegalStateException("Elasticsearch node failed to start: " + e.getMessage(), e);
        }
    }

    /**
     * HTTP answers before the shards of existing indices are open, and a restarted node would
     * answer 503 for a moment. Callers want to use their indices as soon as start returns.
     */
    private static void awaitPrimaryShards(VigieNode node) {
        TimeValue timeout = TimeValue.timeValueSeconds(RECOVERY_TIMEOUT_SECONDS);
        ClusterHealthResponse health = node.client().admin().cluster()
                .prepareHealth(timeout)
                .setWaitForYellowStatus()
                .setTimeout(timeout)
                .get();
        if (health.isTimedOut()) {
            LogManager.getLogger(EmbeddedNode.class)
                    .warn("primary shards still inactive after {}: cluster health is {}", timeout, health.getStatus());
        }
    }

    static Settings nodeSettings(NodeConfig config) {
        Membership membership = config.membership();
        Settings.Builder settings = Settings.builder()
                .put("cluster.name", config.clusterName())
                .put("node.name", membership.nodeName())
                .put("path.home", config.home().toString())
                .put("path.data", config.data().toString())
                .put("path.logs", config.home().resolve("logs").toString())
                // Nothing reachable from outside the machine, peers included.
                .put("network.host", HOST)
                .put("http.port", config.httpPort())
                // Developer disks are often nearly full; never turn indices read-only for that.
                .put("cluster.routing.allocation.disk.threshold_enabled", false);
        if (membership.isAlone()) {
            // No peers to find; nobody connects over transport, so any free port avoids clashing with another node.
            settings.put("discovery.type", "single-node").put("transport.port", 0);
        } else {
            settings.put("transport.port", membership.transportPort())
                    .putList("discovery.seed_hosts", membership.seedHosts());
            if (!membership.initialMasterNodes().isEmpty()) {
                settings.putList("cluster.initial_master_nodes", membership.initialMasterNodes());
            }
            if (!membership.roles().isEmpty()) {
                settings.putList("node.roles", membership.roles());
            }
        }
        return settings.build();
    }

    public int httpPort() {
        return httpPort;
    }

    public URI httpUri() {
        return URI.create("http://" + HOST + ":" + httpPort);
    }

    /** Stops the node and waits until its shards are closed, so the data folder can be reused. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            node.close();
            if (!node.awaitClose(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                System.err.println("vigie-es-node: node did not close within " + CLOSE_TIMEOUT_SECONDS + "s");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void ensurePortFree(int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
            // Bound and released at once: the port is free right now.
        } catch (BindException e) {
            throw new PortInUseException(port, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindHttpException || t instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    private static void closeQuietly(VigieNode node, Exception failure) {
        try {
            node.close();
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private static void createDirectories(Path... dirs) {
        try {
            for (Path dir : dirs) {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
