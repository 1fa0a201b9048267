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

    /**
     * Memory one process holds, from /proc (Linux), in KiB; 0 when unknown. Its proportional share
     * (Pss): pages shared between processes count once in a sum, split between them. PostgreSQL's
     * backends all map the same shared buffers, so summing their plain resident sizes (VmRSS)
     * counted those buffers once per backend. VmRSS where Pss is not available.
     */
    static long residentKib(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid));
        try {
            for (String line : Files.readAllLines(proc.resolve("smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not readable here: fall back to the resident size
        }
        try {
            for (String line : Files.readAllLines(proc.resolve("status"))) {
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
