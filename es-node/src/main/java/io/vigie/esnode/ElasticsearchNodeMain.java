package io.vigie.esnode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one Elasticsearch node until the process is told to stop.
 *
 * <pre>
 * java -Xms512m -Xmx512m --enable-native-access=ALL-UNNAMED --add-modules=jdk.incubator.vector \
 *      -Des.set.netty.runtime.available.processors=false -Dio.netty.noUnsafe=true \
 *      -Dlog4j2.disable.jmx=true -Dlog4j.shutdownHookEnabled=false -Des.distribution.type=tar \
 *      -Dorg.elasticsearch.nativeaccess.enableVectorLibrary=false -Des.nativelibs.path=HOME/native \
 *      -cp es-node/target/vigie-es-node.jar:es-node/target/lib/* io.vigie.esnode.ElasticsearchNodeMain \
 *      --home HOME --data DATA --http-port 9200
 * </pre>
 *
 * When HTTP answers and the existing indices are usable, it writes the port to {@code HOME/http.port} and prints one line,
 * {@value #READY_PREFIX}{@code http://127.0.0.1:PORT}, on standard output. SIGTERM closes the
 * node cleanly. The node's log goes to standard error ({@code --log-level}, default WARN).
 * Exit status 1 means the node could not start, 2 bad arguments.
 */
public final class ElasticsearchNodeMain {

    public static final String READY_PREFIX = "VIGIE_ES_READY ";
    public static final String PORT_FILE = "http.port";

    private ElasticsearchNodeMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        NodeConfig config;
        try {
            config = LaunchOptions.parse(args).config();
        } catch (IllegalArgumentException e) {
            System.err.println("vigie-es-node: " + e.getMessage());
            System.err.println(LaunchOptions.USAGE);
            System.exit(2);
            return;
        }
        // First thing, while no Elasticsearch, Netty or log4j class is initialised yet.
        JvmPreparation.prepare(config.home());
        Path portFile = config.home().resolve(PORT_FILE);
        Files.deleteIfExists(portFile);

        EmbeddedNode node;
        try {
            node = EmbeddedNode.start(config);
        } catch (PortInUseException e) {
            System.err.println("vigie-es-node: " + e.getMessage());
            System.exit(1);
            return;
        } catch (RuntimeException e) {
            System.err.println("vigie-es-node: " + e.getMessage());
            e.printStackTrace();
            System.exit(1);
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } finally {
                stopped.countDown();
            }
        }, "vigie-es-node-shutdown"));

        writeAtomically(portFile, Integer.toString(node.httpPort()));
        System.out.println(READY_PREFIX + node.httpUri());
        System.out.flush();
        // Node threads may all be daemons; keep the JVM up until the shutdown hook has run.
        stopped.await();
    }

    /** Readers polling for the file never see it half written. */
    private static void writeAtomically(Path target, String content) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
