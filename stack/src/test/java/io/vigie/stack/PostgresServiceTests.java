package io.vigie.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded PostgreSQL keeps what was written when it is stopped and started again. */
class PostgresServiceTests {

    @TempDir
    Path state;

    @Test
    void dataWrittenBeforeAStopIsThereAfterTheNextStart() throws Exception {
        StackSettings settings = settingsOnAFreePort();

        PostgresService first = new PostgresService(settings);
        first.start(false);
        try (Connection connection = connect(settings); Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE kept (note text)");
            sql.execute("INSERT INTO kept VALUES ('written in the first run')");
        } finally {
            first.stop();
        }

        PostgresService second = new PostgresService(settings);
        second.start(false);
        try (Connection connection = connect(settings); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT note FROM kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("written in the first run");
        } finally {
            second.stop();
        }
    }

    private StackSettings settingsOnAFreePort() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        StackSettings.Ports defaults = StackSettings.forProfile("test", false).ports();
        StackSettings.Ports ports = new StackSettings.Ports(port, defaults.elasticsearch(), defaults.keycloak(),
                defaults.keycloakManagement(), defaults.api(), defaults.ui());
        return new StackSettings("test", state, state.resolve("data"), state.resolve("dist"), ports, false);
    }

    private static Connection connect(StackSettings settings) throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl(StackSettings.DB_NAME), StackSettings.DB_USER, StackSettings.DB_PASSWORD);
    }
}
