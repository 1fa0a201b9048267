package io.vigie.esnode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A node closed cleanly leaves a data folder the next node starts from. */
class RestartKeepsDataTest {

    private final Path dir = TestNodeDirs.create(getClass().getSimpleName());

    @Test
    void documentSurvivesARestartOnTheSameData() {
        Path home = dir.resolve("home");
        Path data = dir.resolve("data");
        String clusterUuid;

        try (EmbeddedNode node = EmbeddedNode.start(home, data, 0)) {
            NodeHttp http = new NodeHttp(node.httpUri());
            http.put("/restart-test/_doc/1?refresh=true", "{\"message\":\"still here\"}");
            clusterUuid = http.get("/").path("cluster_uuid").asString();
        }

        try (EmbeddedNode node = EmbeddedNode.start(home, data, 0)) {
            NodeHttp http = new NodeHttp(node.httpUri());

            // No waiting here: start returns only once the index's primary shard is open.
            JsonNode document = http.get("/restart-test/_doc/1");
            assertThat(document.path("found").asBoolean()).isTrue();
            assertThat(document.path("_source").path("message").asString()).isEqualTo("still here");
            assertThat(http.get("/").path("cluster_uuid").asString()).isEqualTo(clusterUuid);
        }
    }
}
