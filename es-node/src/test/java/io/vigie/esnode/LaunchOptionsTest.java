package io.vigie.esnode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

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
    void aloneUnlessSeedHostsAreGiven() {
        NodeConfig alone = LaunchOptions.parse("--home", "h", "--data", "d", "--http-port", "0").config();
        assertThat(alone.membership().isAlone()).isTrue();

        NodeConfig member = LaunchOptions.parse("--home", "h", "--data", "d", "--http-port", "9201",
                "--node-name", "node-2", "--transport-port", "9301", "--seed-hosts", "127.0.0.1:9300, 127.0.0.1:9301",
                "--initial-master-nodes", "node-1", "--roles", "data").config();
        assertThat(member.membership()).isEqualTo(new Membership("node-2", 9301,
                List.of("127.0.0.1:9300", "127.0.0.1:9301"), List.of("node-1"), List.of("data")));
    }

    @Test
    void refusesHalfAClusterMembership() {
        assertThatThrownBy(() -> LaunchOptions.parse("--home", "h", "--data", "d", "--http-port", "0", "--roles", "data"))
                .hasMessageContaining("need --seed-hosts");
        assertThatThrownBy(() -> LaunchOptions.parse("--home", "h", "--data", "d", "--http-port", "0",
                "--seed-hosts", "127.0.0.1:9300", "--transport-port", "9300")).hasMessageContaining("--node-name");
        assertThatThrownBy(() -> LaunchOptions.parse("--home", "h", "--data", "d", "--http-port", "0",
                "--seed-hosts", "127.0.0.1:9300", "--node-name", "n")).hasMessageContaining("fixed transport port");
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
