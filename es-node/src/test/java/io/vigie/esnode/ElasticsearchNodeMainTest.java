package io.vigie.esnode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The launcher as another process runs it: its own JVM, its flags, its stdout contract. */
class ElasticsearchNodeMainTest {

    /** The flags surefire gives this JVM are the ones a launcher passes. */
    private static final List<String> JVM_FLAGS = List.of("-Xms512m", "-Xmx512m",
            "--enable-native-access=ALL-UNNAMED", "--add-modules=jdk.incubator.vector",
            "-Des.set.netty.runtime.available.processors=false", "-Dio.netty.noUnsafe=true",
            "-Dlog4j2.disable.jmx=true", "-Dlog4j.shutdownHookEnabled=false",
            "-Dorg.elasticsearch.nativeaccess.enableVectorLibrary=false", "-Des.distribution.type=tar");

    private final Path dir = TestNodeDirs.create(getClass().getSimpleName());

    @Test
    void printsReadinessWritesThePortAndStopsOnSigterm() throws Exception {
        Process process = launch("0");
        try {
            String ready = awaitReadyLine(process);

            assertThat(ready).matches("VIGIE_ES_READY http://127\\.0\\.0\\.1:\\d+");
            String port = ready.substring(ready.lastIndexOf(':') + 1);
            assertThat(Files.readString(dir.resolve("home/http.port"))).isEqualTo(port);
            assertThat(new NodeHttp(URI.create("http://127.0.0.1:" + port)).get("/")
                    .path("version").path("number").asString()).isEqualTo("9.5.3");

            process.destroy(); // SIGTERM
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s").isTrue();
        } finally {
            process.destroyForcibly();
        }
        assertThat(Files.readAllLines(stdout())).as("stdout holds the readiness line only").hasSize(1);
        assertThat(stderr()).doesNotContain("ERROR", "Exception");
    }

    @Test
    void exitsWithAClearMessageWhenThePortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Process process = launch(Integer.toString(taken.getLocalPort()));
            try {
                assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(process.exitValue()).isEqualTo(1);
                assertThat(stderr()).contains("port " + taken.getLocalPort() + " is already in use");
            } finally {
                process.destroyForcibly();
            }
        }
    }

    private Process launch(String httpPort) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ElasticsearchNodeMain.class.getName(),
                "--home", dir.resolve("home").toString(), "--data", dir.resolve("data").toString(),
                "--http-port", httpPort));
        // Files, not pipes: a pipe nobody drains would block the node once full.
        return new ProcessBuilder(command)
                .redirectOutput(stdout().toFile())
                .redirectError(dir.resolve("stderr.log").toFile())
                .start();
    }

    private String awaitReadyLine(Process process) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            List<String> lines = Files.readAllLines(stdout());
            if (!lines.isEmpty()) {
                return lines.getFirst();
            }
            if (!process.isAlive()) {
                throw new AssertionError("node exited with " + process.exitValue() + ": " + stderr());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no readiness line within 90 s: " + stderr());
    }

    private Path stdout() {
        return dir.resolve("stdout.log");
    }

    private String stderr() throws IOException {
        return Files.readString(dir.resolve("stderr.log"));
    }
}
