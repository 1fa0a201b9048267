package io.vigie.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server from the binaries on Maven Central (zonky), with its data folder kept
 * between runs. It holds Vigie's database and Keycloak's.
 */
final class PostgresService implements StackService {

    static final String KEYCLOAK_DB = "keycloak";
    static final String KEYCLOAK_DB_USER = "keycloak";
    static final String KEYCLOAK_DB_PASSWORD = "keycloak";

    private final StackSettings settings;
    private EmbeddedPostgres server;

    PostgresService(StackSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public void start(boolean adoptRunning) {
        int port = settings.ports().postgres();
        if (Probe.portInUse(port)) {
            if (adoptRunning && answers(settings)) {
                return;
            }
            throw Processes.portBusy(port, name(), "postgres");
        }
        Path dataDir = settings.dataDir().resolve("postgres");
        Path binDir = settings.dataDir().getParent().resolve("pg-bin");
        Path logFile = settings.logDir().resolve("postgres.log");
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(logFile.getParent());
            Files.createDirectories(binDir);
            server = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(binDir.toFile())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    // The launcher stops PostgreSQL itself, after the services that use it.
                    .setRegisterShutdownHook(false)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new StackException("PostgreSQL did not start: " + e.getMessage(), e);
        }
        createRolesAndDatabases();
    }

    /** True when Vigie's database accepts Vigie's credentials on the configured port. */
    static boolean answers(StackSettings settings) {
        try (Connection ignored = DriverManager.getConnection(settings.jdbcUrl(StackSettings.DB_NAME),
                StackSettings.DB_USER, StackSettings.DB_PASSWORD)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Idempotent: a second run finds them and changes nothing. */
    private void createRolesAndDatabases() {
        try (Connection admin = server.getPostgresDatabase().getConnection()) {
            ensureDatabase(admin, StackSettings.DB_NAME, StackSettings.DB_USER, StackSettings.DB_PASSWORD);
            ensureDatabase(admin, KEYCLOAK_DB, KEYCLOAK_DB_USER, KEYCLOAK_DB_PASSWORD);
        } catch (SQLException e) {
            throw new StackException("cannot prepare the databases: " + e.getMessage(), e);
        }
    }

    private static void ensureDatabase(Connection admin, String database, String owner, String password) throws SQLException {
        if (!exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", owner)) {
            try (Statement statement = admin.createStatement()) {
                statement.execute("CREATE ROLE " + owner + " LOGIN PASSWORD '" + password + "'");
            }
        }
        if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
            try (Statement statement = admin.createStatement()) {
                statement.execute("CREATE DATABASE " + database + " OWNER " + owner + " ENCODING 'UTF8'");
            }
        }
    }

    private static boolean exists(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            server = null;
        }
    }

    @Override
    public long residentKib() {
        if (server == null) {
            return 0;
        }
        // The postmaster and its backends are children of pg_ctl's start, so find them by their data folder.
        Path dataDir = settings.dataDir().resolve("postgres").toAbsolutePath();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("postgres")).orElse(false))
                .filter(p -> p.info().commandLine().map(c -> c.contains(dataDir.toString())).orElse(false)
                        || p.parent().flatMap(parent -> parent.info().commandLine()).map(c -> c.contains(dataDir.toString())).orElse(false))
                .mapToLong(p -> Processes.residentKib(p.pid()))
                .sum();
    }
}
