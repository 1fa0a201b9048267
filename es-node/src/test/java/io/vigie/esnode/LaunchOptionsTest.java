package io.vigie.esnode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void readsRequiredAndOptionalArguments() {
        NodeConfig config = LaunchOptions.parse("--home", "h", "--data", "d", "--http-port", "9200",
                "--cluster-name", "dev", "--log-level", "INFO").config();

        assertThat(config.home()).isEqualTo(Path.of("h").toAbsolutePath());
        assertThat(config.data()).isEqualTo(Path.of("d").toAbsolutePath());
        assertThat(config.httpPort()).isEqualTo(9200);
        assertThat(config.clusterName()).isEqualTo("dev");
        assertThat(config.logLevel()).isEqualTo("INFO");
    }

    @Test
    void defaultsClusterNameAndLogLevel() {
        NodeConfig config = LaunchOptions.parse("--home", "h", "--data", "d", "--http-port", "0").config();

        assertThat(config.clusterName()).isEqualTo("vigie");
        assertThat(config.logLevel()).isEqualTo("WARN");
    }

    @Test
    void rejectsMissingOrMalformedArguments() {
        assertThatThrownBy(() -> LaunchOptions.parse("--home", "h")).hasMessageContaining("required");
        assertThatThrownBy(() -> LaunchOptions.parse("--home", "h", "--data", "d", "--http-port", "x"))
                .hasMessageContaining("not a number");
        assertThatThrownBy(() -> LaunchOptions.parse("--home")).hasMessageContaining("missing value");
        assertThatThrownBy(() -> LaunchOptions.parse("--nope", "1")).hasMessageContaining("unknown option");
        assertThatThrownBy(() -> LaunchOptions.parse("--home", "h", "--data", "d", "--http-port", "70000"))
                .hasMessageContaining("out of range");
    }
}
