package io.vigie.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The whole Vigie stack on one machine: PostgreSQL, Elasticsearch and Keycloak as real services,
 * then the API and the UI. Used by the run command ({@link #main}) and by the tests
 * ({@link StackSessionListener}).
 */
public final class VigieStack implements AutoCloseable {

    private final StackSettings settings;
    private final List<StackService> started = new ArrayList<>();

    private VigieStack(StackSettings settings) {
        this.settings = settings;
    }

    /** Starts every service in dependency order; on failure, stops what it had started and rethrows. */
    public static VigieStack start(StackSettings settings, boolean adoptRunning) {
        VigieStack stack = new VigieStack(settings);
        try {
            stack.startAll(adoptRunning);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(boolean adoptRunning) {
        List<StackService> services = new ArrayList<>(ServiceSource.current().services(settings));
        if (settings.withApplications()) {
            services.add(ApplicationService.api(settings));
            services.add(ApplicationService.ui(settings));
        }
        for (StackService service : services) {
            long begin = System.nanoTime();
            log("starting " + service.name() + " ...");
            service.start(adoptRunning);
            started.add(service);
            log(service.name() + " ready in " + Duration.ofNanos(System.nanoTime() - begin).toMillis() / 100 / 10.0 + " s");
        }
    }

    public StackSettings settings() {
        return settings;
    }

    /** Stops one service and leaves the rest running: fault tests stop the search engine this way. */
    public synchronized void stopService(String name) {
        service(name).stop();
    }

    /** Kills an application process (the API or the UI) as a crash would: fault tests. */
    public synchronized void killService(String name) {
        if (!(service(name) instanceof ApplicationService application)) {
            throw new StackException(name + " is not an application process of this stack");
        }
        application.kill();
    }

    /** Starts again a service stopped with {@link #stopService}, on the same data. */
    public synchronized void startService(String name) {
        service(name).start(false);
    }

    private StackService service(String name) {
        return started.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new StackException("no service named " + name + " was started by this stack"));
    }

    /** Resident memory of each started service, in MiB, for the banner and the benchmarks. */
    public List<String> memoryReport() {
        return started.stream()
                .map(s -> "%-14s %5d MiB".formatted(s.name(), s.residentKib() / 1024))
                .toList();
    }

    /** Resident memory of each started service in KiB, in start order: the benchmark's figures. */
    public Map<String, Long> residentKib() {
        Map<String, Long> memory = new LinkedHashMap<>();
        started.forEach(s -> memory.put(s.name(), s.residentKib()));
        return memory;
    }

    /** Stops in reverse order, so the applications go before the services they use. */
    @Override
    public synchronized void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            StackService service = started.get(i);
            log("stopping " + service.name());
            try {
                service.stop();
            } catch (RuntimeException e) {
                System.err.println("[vigie] " + service.name() + " did not stop cleanly: " + e.getMessage());
            }
        }
        started.clear();
    }

    private static void log(String message) {
        System.out.println("[vigie] " + message);
    }

    // ---------------------------------------------------------------- the run command

    public static void main(String[] args) {
        String command = args.length == 0 ? "run" : args[0];
        try {
            switch (command) {
                case "run" -> run();
                case "stop" -> stopRunning();
                default -> {
                    System.err.println("usage: VigieStack run|stop");
                    System.exit(2);
                }
            }
        } catch (StackException e) {
            System.err.println("[vigie] " + e.getMessage());
            System.exit(1);
        }
    }

    private static Path pidFile(StackSettings settings) {
        return settings.dataDir().resolve("vigie.pid");
    }

    private static void run() {
        StackSettings settings = StackSettings.forProfile("run", true);
        Optional<ProcessHandle> running = runningLauncher(settings);
        if (running.isPresent()) {
            throw new StackException("Vigie is already running (pid " + running.get().pid() + "); stop it with ./vigie stop");
        }
        long begin = System.nanoTime();
        VigieStack stack = start(settings, false);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log("stopping Vigie ...");
            stack.close();
            deleteQuietly(pidFile(settings));
            log("stopped.");
            stopped.countDown();
        }, "vigie-stop"));
        writePid(settings);
        printBanner(stack, Duration.ofNanos(System.nanoTime() - begin));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void printBanner(VigieStack stack, Duration startTime) {
        StackSettings s = stack.settings();
        String banner = """

                ============================================================
                 Vigie is running (started in %d s)

                 Open:        %s

                 Demo accounts (demo only, password "demo" for all):
                   alice.martin   employee                 Marketing
                   bruno.petit    employee                 Sales
                   chloe.bernard  employee                 R&D
                   david.leroy    employee, moderator      HR
                   emma.dubois    employee, moderator, admin   IT
                   farid.haddad   employee, department-head   Finance

                 API:         %s   (health: %s/actuator/health)
                 Keycloak:    %s/admin/   admin console, user "%s", password "%s" (demo only)
                 Data:        %s
                 Logs:        %s

                 Stop with Ctrl-C, or ./vigie stop from another terminal.
                ============================================================
                """.formatted(startTime.toSeconds(), s.uiUrl(), s.apiUrl(), s.apiUrl(), s.keycloakUrl(),
                StackSettings.KEYCLOAK_ADMIN_USER, StackSettings.KEYCLOAK_ADMIN_PASSWORD, s.dataDir(), s.logDir());
        System.out.println(banner);
        System.out.println(" Resident memory:");
        stack.memoryReport().forEach(line -> System.out.println("   " + line));
        System.out.println();
    }

    private static Optional<ProcessHandle> runningLauncher(StackSettings settings) {
        try {
            long pid = Long.parseLong(Files.readString(pidFile(settings)).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void writePid(StackSettings settings) {
        try {
            Files.createDirectories(settings.dataDir());
            Files.writeString(pidFile(settings), Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new StackException("cannot write " + pidFile(settings) + ": " + e.getMessage(), e);
        }
    }

    /** The stop command: asks the running launcher to stop (its shutdown hook stops every child) and waits. */
    private static void stopRunning() {
        StackSettings settings = StackSettings.forProfile("run", true);
        ProcessHandle launcher = runningLauncher(settings)
                .orElseThrow(() -> new StackException("Vigie is not running"));
        log("stopping Vigie (pid " + launcher.pid() + ") ...");
        launcher.destroy();
        launcher.onExit().join();
        log("stopped.");
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stale pid file is detected as such on the next start
        }
    }
}
