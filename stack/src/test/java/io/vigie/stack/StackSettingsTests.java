package io.vigie.stack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackSettingsTests {

    @AfterEach
    void clearOverrides() {
        System.clearProperty("vigie.port.ui");
        System.clearProperty("vigie.port.postgres");
    }

    @Test
    void runAndTestProfilesUseSeparatePortsAndData() {
        StackSettings run = StackSettings.forProfile("run", true);
        StackSettings test = StackSettings.forProfile("test", false);
        assertThat(run.ports().ui()).isEqualTo(8080);
        assertThat(test.ports().ui()).isNotEqualTo(run.ports().ui());
        assertThat(test.dataDir()).isNotEqualTo(run.dataDir());
        assertThat(run.issuerUri()).isEqualTo("http://localhost:8180/realms/vigie");
    }

    @Test
    void portsCanBeOverridden() {
        System.setProperty("vigie.port.ui", "9090");
        assertThat(StackSettings.forProfile("run", true).ports().ui()).isEqualTo(9090);
    }

    @Test
    void aPortThatIsNotANumberIsNamedInTheError() {
        System.setProperty("vigie.port.ui", "eighty");
        assertThatThrownBy(() -> StackSettings.forProfile("run", true))
                .hasMessageContaining("ui").hasMessageContaining("eighty");
    }

    @Test
    void aBusyPortGivesAClearErrorNamingIt() throws IOException {
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = squatter.getLocalPort();
            System.setProperty("vigie.port.postgres", Integer.toString(port));
            StackSettings settings = StackSettings.forProfile("test", false);

            assertThatThrownBy(() -> new PostgresService(settings).start(false))
                    .isInstanceOf(StackException.class)
                    .hasMessageContaining("port " + port)
                    .hasMessageContaining("PostgreSQL")
                    .hasMessageContaining("VIGIE_POSTGRES_PORT");
        }
    }
}
