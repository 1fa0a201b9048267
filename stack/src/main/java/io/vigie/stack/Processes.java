package io.vigie.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Helpers about ports and processes, shared by the services. */
final class Processes {

    private Processes() {}

    static StackException portBusy(int port, String service, String variable) {
        return new StackException("port " + port + " (" + service + ") is already in use. Stop what holds it, or choose "
                + "another port with VIGIE_" + variable.toUpperCase(java.util.Locale.ROOT) + "_PORT=<port>.");
    }

    /** Resident set size of one process, read from /proc (Linux), in KiB; 0 when unknown. */
    static long residentKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    static long treeResidentKib(ManagedProcess process) {
        if (process == null) {
            return 0;
        }
        long own = residentKib(process.pid());
        return own + ProcessHandle.of(process.pid())
                .map(h -> h.descendants().mapToLong(d -> residentKib(d.pid())).sum())
                .orElse(0L);
    }
}
