package io.vigie.stack;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real Elasticsearch 9.5.3 node, in a JVM of its own (its Netty 4.1 clashes with Spring Boot's
 * 4.2), started from the Maven Central jars that the es-node module gathers.
 */
final class ElasticsearchService implements StackService {

    private final StackSettings settings;
    private ManagedProcess process;

    ElasticsearchService(StackSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "Elasticsearch";
    }

    @Override
    public void start(boolean adoptRunning) {
        int port = settings.ports().elasticsearch();
        String health = settings.elasticsearchUrl() + "/_cluster/health?wait_for_status=yellow&timeout=2s";
        if (Probe.portInUse(port)) {
            if (adoptRunning && Probe.httpOk(health)) {
                return;
            }
            throw Processes.portBusy(port, name(), "es");
        }
        Path esHome = settings.dataDir().resolve("elasticsearch");
        List<String> command = nodeCommand(settings, esHome, port, List.of());
        process = ManagedProcess.start(name(), command, Map.of(), settings.home(),
                settings.logDir().resolve("elasticsearch.log"));
        try {
            Probe.await(name(), Duration.ofSeconds(120), () -> Probe.httpOk(health), process::isAlive);
        } catch (StackException e) {
            throw new StackException(e.getMessage() + "; last lines of " + process.logFile() + ":\n" + process.logTail(30), e);
        }
    }

    /**
     * The command that runs one node with its home and data under {@code esHome}; {@code options}
     * are more of {@code ElasticsearchNodeMain}'s (cluster membership, for example).
     */
    static List<String> nodeCommand(StackSettings settings, Path esHome, int httpPort, List<String> options) {
        Path nodeDir = settings.home().resolve("es-node").resolve("target");
        Path nodeJar = nodeDir.resolve("vigie-es-node.jar");
        if (!Files.isRegularFile(nodeJar)) {
            throw new StackException("the Elasticsearch node is not built (" + nodeJar + " is missing): run the build first");
        }
        try {
            Files.createDirectories(esHome.resolve("tmp"));
        } catch (java.io.IOException e) {
            throw new StackException("cannot create " + esHome + ": " + e.getMessage(), e);
        }
        List<String> command = new ArrayList<>(List.of(
                JavaRuntime.javaCommand(),
                "-Xms512m", "-Xmx512m",
                "-XX:+UseG1GC",
                // Lucene's vector code and the node's native access (zstd) need these two; the rest the node sets itself.
                "--enable-native-access=ALL-UNNAMED",
                "--add-modules=jdk.incubator.vector",
                "-Des.set.netty.runtime.available.processors=false",
                "-Dio.netty.noUnsafe=true",
                "-Dlog4j2.disable.jmx=true",
                "-Dorg.elasticsearch.nativeaccess.enableVectorLibrary=false",
                "-Djava.io.tmpdir=" + esHome.resolve("tmp"),
                "-cp", nodeJar + File.pathSeparator + nodeDir.resolve("lib") + File.separator + "*",
                "io.vigie.esnode.ElasticsearchNodeMain",
                "--home", esHome.resolve("home").toString(),
                "--data", esHome.resolve("data").toString(),
                "--http-port", Integer.toString(httpPort)));
        command.addAll(options);
        return command;
    }

    @Override
    public void stop() {
        if (process != null) {
            process.stop();
            process = null;
        }
    }

    @Override
    public long residentKib() {
        return Processes.treeResidentKib(process);
    }
}
