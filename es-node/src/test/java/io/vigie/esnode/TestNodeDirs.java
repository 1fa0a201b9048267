package io.vigie.esnode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Folders for test nodes, under {@code target/test-nodes}: {@code mvn clean} removes them, a failed
 * run can be inspected, and JUnit's temp-dir cleanup doesn't trip over the libzstd symlink.
 */
public final class TestNodeDirs {

    private TestNodeDirs() {
    }

    public static Path create(String prefix) {
        try {
            Path root = Files.createDirectories(Path.of("target", "test-nodes")).toAbsolutePath();
            return Files.createTempDirectory(root, prefix + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
