package io.vigie.esnode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Puts the JVM in the state an Elasticsearch node expects, using the JDK only.
 *
 * <p>Elasticsearch, Netty and log4j read these properties in static initialisers, so this must
 * run before any of their classes is initialised. That is why this class touches no
 * Elasticsearch type. A launcher should pass the same flags on the command line anyway:
 *
 * <pre>
 *   -Des.nativelibs.path=&lt;home&gt;/native
 *   -Dorg.elasticsearch.nativeaccess.enableVectorLibrary=false
 *   -Des.set.netty.runtime.available.processors=false
 *   -Dio.netty.noUnsafe=true
 *   -Dlog4j2.disable.jmx=true
 *   -Dlog4j.shutdownHookEnabled=false
 *   -Des.distribution.type=tar
 *   --enable-native-access=ALL-UNNAMED
 *   --add-modules=jdk.incubator.vector
 * </pre>
 *
 * The last two cannot be set from code: the first silences the JDK's warnings about
 * Elasticsearch's and Lucene's native calls, the second gives Lucene its vectorised code
 * (kNN search). Values already set (by such flags) are left alone.
 */
public final class JvmPreparation {

    /** Debian's libzstd1 ships only the versioned name; Elasticsearch loads {@code libzstd.so}. */
    private static final String ZSTD_SONAME = "libzstd.so.1";
    private static final List<Path> LIBRARY_DIRS = List.of(
            Path.of("/usr/lib/x86_64-linux-gnu"),
            Path.of("/usr/lib/aarch64-linux-gnu"),
            Path.of("/lib/x86_64-linux-gnu"),
            Path.of("/lib/aarch64-linux-gnu"),
            Path.of("/usr/lib64"),
            Path.of("/usr/lib"),
            Path.of("/usr/local/lib"));

    private JvmPreparation() {
    }

    /**
     * Sets the system properties the node needs and links libzstd into {@code <home>/native}.
     *
     * @return the folder holding {@code libzstd.so}, or empty when no libzstd was found
     */
    public static Optional<Path> prepare(Path home) {
        // The native vector library is not published to Maven Central, so don't look for it.
        setIfAbsent("org.elasticsearch.nativeaccess.enableVectorLibrary", "false");
        // Netty may only be told the processor count once per JVM; Elasticsearch would try again.
        setIfAbsent("es.set.netty.runtime.available.processors", "false");
        // Netty's Unsafe paths trigger JDK 25 warnings and are not needed at this scale.
        setIfAbsent("io.netty.noUnsafe", "true");
        // No JMX MBeans for log4j: nothing reads them and they slow the start.
        setIfAbsent("log4j2.disable.jmx", "true");
        // Build info (GET /, _nodes) reports a tar distribution, like the archive a developer runs.
        setIfAbsent("es.distribution.type", "tar");
        // Our shutdown hook closes the node and must still be able to log while it does.
        setIfAbsent("log4j.shutdownHookEnabled", "false");

        Optional<Path> nativeDir = linkZstd(home.resolve("native"));
        nativeDir.ifPresent(dir -> setIfAbsent("es.nativelibs.path", dir.toString()));
        return nativeDir;
    }

    private static Optional<Path> linkZstd(Path nativeDir) {
        Optional<Path> zstd = LIBRARY_DIRS.stream()
                .map(dir -> dir.resolve(ZSTD_SONAME))
                .filter(Files::isReadable)
                .findFirst();
        if (zstd.isEmpty()) {
            System.err.println("vigie-es-node: " + ZSTD_SONAME + " not found (apt-get install libzstd1);"
                    + " indices that use zstd compression will fail");
            return Optional.empty();
        }
        try {
            Files.createDirectories(nativeDir);
            Path link = nativeDir.resolve("libzstd.so");
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, zstd.get());
            return Optional.of(nativeDir.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot link " + zstd.get() + " into " + nativeDir, e);
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
