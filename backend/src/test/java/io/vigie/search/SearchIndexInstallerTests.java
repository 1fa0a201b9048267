package io.vigie.search;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.indices.AnalyzeResponse;
import co.elastic.clients.elasticsearch.indices.analyze.AnalyzeToken;
import io.vigie.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The API installs search-config/ into the real node, behind aliases, and can do it again safely. */
class SearchIndexInstallerTests extends ApiTest {

    @Autowired
    SearchIndexInstaller installer;

    @Autowired
    SearchConfig config;

    @Autowired
    io.vigie.indexing.Reindexer reindexer;

    @Autowired
    ElasticsearchAsyncClient elasticsearch;

    @BeforeEach
    void waitForInstallation() {
        await().atMost(Duration.ofSeconds(60)).until(installer::isInstalled);
    }

    @Test
    void everyIndexTemplateHasItsVersionedIndexBehindItsAlias() throws Exception {
        assertThat(config.indexTemplates()).extracting(SearchConfig.IndexTemplate::name).contains("vigie-content");
        for (SearchConfig.IndexTemplate template : config.indexTemplates()) {
            // The installer's index, or a rebuild of the same version (named with a suffix).
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                var aliases = elasticsearch.indices().getAlias(r -> r.name(template.alias())).get();
                assertThat(aliases.aliases()).hasSize(1);
                assertThat(aliases.aliases().keySet().iterator().next()).startsWith(template.indexName());
            });
        }
    }

    @Test
    void installingTwiceChangesNothing() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> !reindexer.status().running());
        var before = elasticsearch.indices().getAlias(r -> r.name("vigie-content")).get().aliases().keySet();
        installer.install().block(Duration.ofSeconds(30));
        installer.install().block(Duration.ofSeconds(30));
        var aliases = elasticsearch.indices().getAlias(r -> r.name("vigie-content")).get();
        assertThat(aliases.aliases().keySet()).isEqualTo(before);
    }

    @Test
    void frenchTextIsFoldedElidedAndLightlyStemmed() {
        assertThat(analyze("body.fr", "L'économie des Énergies renouvelables"))
                .containsExactly("econom", "des", "energ", "renouvelabl");
        // Accents, case and number do not matter: all three end up as the same term.
        assertThat(analyze("body.fr", "énergie")).isEqualTo(analyze("body.fr", "ENERGIES"))
                .isEqualTo(analyze("body.fr", "Énergies"));
    }

    @Test
    void englishTextLosesPossessivesAndPlurals() {
        assertThat(analyze("body.en", "The company's employees"))
                .contains("company", "employee");
    }

    private List<String> analyze(String field, String text) {
        AnalyzeResponse response = Mono.fromFuture(() -> elasticsearch.indices()
                        .analyze(r -> r.index("vigie-content").field(field).text(text)))
                .block(Duration.ofSeconds(10));
        return response.tokens().stream().map(AnalyzeToken::token).toList();
    }
}
