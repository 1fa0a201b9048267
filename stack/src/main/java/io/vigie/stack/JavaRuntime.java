package io.vigie.stack;

import java.nio.file.Path;

/** The JDK that runs the launcher also runs every child JVM, so one JDK 21+ is enough. */
final class JavaRuntime {

    private JavaRuntime() {}

    static Path home() {
        return Path.of(System.getProperty("java.home"));
    }

    static String javaCommand() {
        return home().resolve("bin").resolve("java").toString();
    }
}
