package io.vigie.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Keycloak 26.7.3 from the Maven Central distribution, storing its data in the embedded PostgreSQL
 * (so it survives restarts). The realm in keycloak-realm/ is imported on the first start only:
 * Keycloak skips a realm that already exists.
 */
final class KeycloakService implements StackService {

    private final StackSettings settings;
    private ManagedProcess process;

    KeycloakService(StackSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "Keycloak";
    }

    private String readyUrl() {
        return "http://localhost:" + settings.ports().keycloakManagement() + "/health/ready";
    }

    private String realmUrl() {
        return settings.issuerUri() + "/.well-known/openid-configuration";
    }

    @Override
    public void start(boolean adoptRunning) {
        int port = settings.ports().keycloak();
        int management = settings.ports().keycloakManagement();
        if (Probe.portInUse(port) || Probe.portInUse(management)) {
            if (adoptRunning && Probe.httpOk(readyUrl()) && Probe.httpOk(realmUrl())) {
                return;
            }
            throw Probe.portInUse(port)
                    ? Processes.portBusy(port, name(), "keycloak")
                    : Processes.portBusy(management, "Keycloak management", "keycloak_management");
        }
        Path kcHome = settings.keycloakHome();
        Path script = kcHome.resolve("bin").resolve("kc.sh");
        if (!Files.isRegularFile(script)) {
            throw new StackException("Keycloak is not unpacked (" + script + " is missing): run the build first");
        }
        installRealm(kcHome);
        List<String> command = List.of("/bin/bash", script.toString(), "start-dev",
                "--http-port=" + port,
                "--http-management-port=" + management,
                "--health-enabled=true",
                "--import-realm");
        Map<String, String> environment = Map.of(
                "JAVA_HOME", JavaRuntime.home().toString(),
                "KC_BOOTSTRAP_ADMIN_USERNAME", StackSettings.KEYCLOAK_ADMIN_USER,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", StackSettings.KEYCLOAK_ADMIN_PASSWORD,
                "KC_DB", "postgres",
                "KC_DB_URL", settings.jdbcUrl(PostgresService.KEYCLOAK_DB),
                "KC_DB_USERNAME", PostgresService.KEYCLOAK_DB_USER,
                "KC_DB_PASSWORD", PostgresService.KEYCLOAK_DB_PASSWORD,
                // Keycloak sizes its heap from the machine's memory by default (70% of 24 GiB here).
                "JAVA_OPTS_KC_HEAP", "-Xms128m -Xmx512m",
                "VIGIE_UI_URL", settings.uiUrl());
        process = ManagedProcess.start(name(), command, environment, kcHome,
                settings.logDir().resolve("keycloak.log"));
        try {
            Probe.await(name(), Duration.ofSeconds(300),
                    () -> Probe.httpOk(readyUrl()) && Probe.httpOk(realmUrl()), process::isAlive);
        } catch (StackException e) {
            throw new StackException(e.getMessage() + "; last lines of " + process.logFile() + ":\n" + process.logTail(30), e);
        }
        if (new RealmUpgrade(settings).apply(settings.home().resolve("keycloak-realm").resolve("vigie-realm.json"))) {
            System.out.println("[vigie] Keycloak: brought the existing realm up to date (service account, sign-in events, new roles)");
        }
    }

    private void installRealm(Path kcHome) {
        Path source = settings.home().resolve("keycloak-realm").resolve("vigie-realm.json");
        Path importDir = kcHome.resolve("data").resolve("import");
        try {
            Files.createDirectories(importDir);
            Files.copy(source, importDir.resolve("vigie-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StackException("cannot install the realm file " + source + ": " + e.getMessage(), e);
        }
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
