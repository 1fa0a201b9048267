package io.vigie.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One of our Spring Boot applications (the API or the UI), run from its packaged jar. */
final class ApplicationService implements StackService {

    private final String name;
    private final StackSettings settings;
    private final Path jar;
    private final int port;
    private final String heap;
    private final Map<String, String> properties;
    private ManagedProcess process;

    private ApplicationService(String name, StackSettings settings, Path jar, int port, String heap, Map<String, String> properties) {
        this.name = name;
        this.settings = settings;
        this.jar = jar;
        this.port = port;
        this.heap = heap;
        this.properties = properties;
    }

    static ApplicationService api(StackSettings settings) {
        return new ApplicationService("API", settings, settings.home().resolve("backend/target/vigie-backend.jar"),
                settings.ports().api(), "-Xmx384m", settings.apiProperties());
    }

    /** Another API process beside the stack's, with its own name (and log), port and settings. */
    static ApplicationService api(StackSettings settings, String name, int port, Map<String, String> properties) {
        return new ApplicationService(name, settings, settings.home().resolve("backend/target/vigie-backend.jar"),
                port, "-Xmx384m", properties);
    }

    static ApplicationService ui(StackSettings settings) {
        return new ApplicationService("UI", settings, settings.home().resolve("ui/target/vigie-ui.jar"),
                settings.ports().ui(), "-Xmx512m", settings.uiProperties());
    }

    @Override
    public String name() {
        return name;
    }

    private String healthUrl() {
        return "http://localhost:" + port + "/actuator/health";
    }

    @Override
    public void start(boolean adoptRunning) {
        if (Probe.portInUse(port)) {
            if (adoptRunning && Probe.httpOk(healthUrl())) {
                return;
            }
            throw Processes.portBusy(port, name, name.toLowerCase(java.util.Locale.ROOT));
        }
        if (!Files.isRegularFile(jar)) {
            throw new StackException("the " + name + " is not built (" + jar + " is missing): run the build first");
        }
        List<String> command = new ArrayList<>(List.of(JavaRuntime.javaCommand(), heap,
                "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString(),
                "--server.port=" + port));
        new TreeMap<>(properties).forEach((key, value) -> command.add("--" + key + "=" + value));
        process = ManagedProcess.start(name, command, Map.of(), settings.home(),
                settings.logDir().resolve(name.toLowerCase(java.util.Locale.ROOT) + ".log"));
        try {
            Probe.await(name, Duration.ofSeconds(180), () -> Probe.httpOk(healthUrl()), process::isAlive);
        } catch (StackException e) {
            throw new StackException(e.getMessage() + "; last lines of " + process.logFile() + ":\n" + process.logTail(40), e);
        }
    }

    @Override
    public void stop() {
        if (process != null) {
            process.stop();
            process = null;
        }
    }

    /** A crash, for fault tests: the process is killed, not asked to stop. */
    void kill() {
        if (process != null) {
            process.kill();
            process = null;
        }
    }

    @Override
    public long residentKib() {
        return Processes.treeResidentKib(process);
    }
}
