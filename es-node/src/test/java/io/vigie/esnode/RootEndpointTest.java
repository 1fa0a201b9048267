package io.vigie.esnode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

@ExtendWith(SharedNode.class)
class RootEndpointTest {

    @Test
    void getRootDescribesTheNodeLikeADistribution(NodeHttp http) {
        NodeHttp.Response response = http.send("GET", "/", null);

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.body();
        assertThat(body.path("name").asString()).isEqualTo("vigie-es-node");
        assertThat(body.path("cluster_name").asString()).isEqualTo("vigie");
        assertThat(body.path("cluster_uuid").asString()).isNotBlank().isNotEqualTo("_na_");
        assertThat(body.path("tagline").asString()).isEqualTo("You Know, for Search");
        JsonNode version = body.path("version");
        assertThat(version.path("number").asString()).isEqualTo("9.5.3");
        assertThat(version.path("build_flavor").asString()).isEqualTo("default");
        assertThat(version.path("build_type").asString()).isEqualTo("tar");
        assertThat(version.path("build_snapshot").asBoolean(true)).isFalse();
        assertThat(version.path("build_hash").asString()).isNotBlank();
        assertThat(version.path("build_date").asString()).isNotBlank();
        assertThat(version.path("lucene_version").asString()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(version.path("minimum_wire_compatibility_version").asString()).isNotBlank();
        assertThat(version.path("minimum_index_compatibility_version").asString()).isNotBlank();
    }

    @Test
    void headRootAnswersOk(NodeHttp http) {
        assertThat(http.send("HEAD", "/", null).status()).isEqualTo(200);
    }

    @Test
    void everyPluginIsLoaded(NodeHttp http) {
        JsonNode plugins = http.get("/_cat/plugins?format=json");

        assertThat(plugins.valueStream().map(plugin -> plugin.path("component").asString()))
                .containsExactlyInAnyOrder("Netty4Plugin", "RootEndpointPlugin", "VigieAnalysisPlugin");
    }
}
