package io.vigie.esnode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Every file of {@code search-config/} loads into a real node, and the analysis it defines
 * behaves as the search features expect.
 */
@ExtendWith(SharedNode.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchConfigLoadsIntoRealNodeTest {

    private static final Path SEARCH_CONFIG = Path.of("..", "search-config");
    private static final String CONTENT = "vigie-content-test-1";

    private NodeHttp http;

    @BeforeAll
    void loadSearchConfig(NodeHttp http) throws IOException {
        this.http = http;
        assertThat(SEARCH_CONFIG).isDirectory();
        // Component templates first: index templates are composed of them.
        for (Path file : jsonFiles("component-templates")) {
            http.put("/_component_template/" + nameOf(file), Files.readString(file));
        }
        for (Path file : jsonFiles("index-templates")) {
            http.put("/_index_template/" + nameOf(file), Files.readString(file));
        }
        http.put("/" + CONTENT, null);
    }

    @Test
    void everyFileIsOneThisTestKnowsHowToLoad() throws IOException {
        try (Stream<Path> files = Files.walk(SEARCH_CONFIG)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                String folder = SEARCH_CONFIG.relativize(file).getName(0).toString();
                if (!List.of("component-templates", "index-templates").contains(folder) || !isJson(file)) {
                    fail("search-config/%s is not loaded by this test; teach it how", SEARCH_CONFIG.relativize(file));
                }
            });
        }
    }

    @Test
    void frenchTextLosesElisionAccentsAndPlurals() {
        List<String> tokens = analyze(CONTENT, "body.fr", "L'économie des Énergies renouvelables");

        assertThat(tokens).doesNotContain("l", "l'économie");
        assertThat(tokens).allSatisfy(token -> assertThat(token).doesNotContain("é", "É"));
        assertThat(tokens).anySatisfy(token -> assertThat(token).startsWith("econom"));
        assertThat(tokens).anySatisfy(token -> assertThat(token).startsWith("energ"));
        assertThat(tokens).contains("des");
    }

    @Test
    void englishTextLosesPossessivesAndIsLightlyStemmed() {
        List<String> tokens = analyze(CONTENT, "body.en", "The company's employees were running");

        assertThat(tokens).contains("company", "employee").doesNotContain("company's", "employees");
    }

    @Test
    void foldedTextIsLowercasedWithoutAccents() {
        assertThat(analyze(CONTENT, "title", "Réunion d'ÉQUIPE")).containsExactly("reunion", "d'equipe");
    }

    @Test
    void keywordNormalizerFoldsCaseAndAccents() {
        JsonNode result = http.post("/" + CONTENT + "/_analyze", json(Map.of("normalizer", "vigie_keyword", "text", "Équipe")));

        assertThat(tokens(result)).containsExactly("equipe");
    }

    @Test
    void frenchQueryWithoutAccentsFindsAccentedPlural() {
        index(CONTENT, "energy", Map.of("type", "post", "language", "fr", "title", "Les Énergies renouvelables",
                "body", "La transition énergétique avance.", "tags", List.of("Énergie")));
        index(CONTENT, "other", Map.of("type", "post", "language", "fr", "title", "Le budget du service",
                "body", "Rien à voir.", "tags", List.of("Finance")));

        JsonNode hits = search(CONTENT, Map.of("query",
                Map.of("multi_match", Map.of("query", "energie", "fields", List.of("title", "title.fr", "body.fr")))));

        assertThat(ids(hits)).containsExactly("energy");
    }

    @Test
    void normalizedKeywordMatchesWhateverTheCase() {
        index(CONTENT, "tagged", Map.of("type", "post", "title", "Tagged", "tags", List.of("Ressources Humaines")));

        JsonNode hits = search(CONTENT, Map.of("query", Map.of("term", Map.of("tags", "RESSOURCES HUMAINES"))));

        assertThat(ids(hits)).contains("tagged");
    }

    @Test
    void completionSuggestsPeopleFromAFoldedPrefix() {
        index(CONTENT, "elodie", Map.of("type", "person", "title", "Élodie Martin", "department", "RH",
                "person_suggest", Map.of("input", List.of("Élodie Martin", "elodie.martin"))));
        index(CONTENT, "eric", Map.of("type", "person", "title", "Éric Durand",
                "person_suggest", Map.of("input", List.of("Éric Durand"))));

        JsonNode response = http.post("/" + CONTENT + "/_search", json(Map.of("suggest",
                Map.of("people", Map.of("prefix", "elo", "completion", Map.of("field", "person_suggest"))))));

        JsonNode options = response.path("suggest").path("people").get(0).path("options");
        assertThat(options.valueStream().map(option -> option.path("_id").asString())).containsExactly("elodie");
    }

    @Test
    void scopedSuggestionsReachOnlyTheScopesAsked() {
        index(CONTENT, "open-space", Map.of("type", "space", "title", "Roadmap",
                "space_suggest", Map.of("input", List.of("Roadmap"), "contexts", Map.of("scope", List.of("public")))));
        index(CONTENT, "secret-space", Map.of("type", "space", "title", "Rocket",
                "space_suggest", Map.of("input", List.of("Rocket"), "contexts", Map.of("scope", List.of("space-42")))));

        assertThat(suggested("ro", List.of("public"))).containsExactly("Roadmap");
        assertThat(suggested("ro", List.of("public", "space-42"))).containsExactlyInAnyOrder("Roadmap", "Rocket");
    }

    private List<String> suggested(String prefix, List<String> scopes) {
        JsonNode response = http.post("/" + CONTENT + "/_search", json(Map.of("suggest", Map.of("tags", Map.of(
                "prefix", prefix,
                "completion", Map.of("field", "space_suggest", "skip_duplicates", true, "contexts", Map.of("scope", scopes)))))));
        return response.path("suggest").path("tags").get(0).path("options").valueStream()
                .map(option -> option.path("text").asString()).toList();
    }

    private List<String> analyze(String index, String field, String text) {
        return tokens(http.post("/" + index + "/_analyze", json(Map.of("field", field, "text", text))));
    }

    private static List<String> tokens(JsonNode analyzed) {
        return analyzed.path("tokens").valueStream().map(token -> token.path("token").asString()).toList();
    }

    private void index(String index, String id, Map<String, ?> document) {
        http.put("/" + index + "/_doc/" + id + "?refresh=true", json(document));
    }

    private JsonNode search(String index, Map<String, ?> body) {
        return http.post("/" + index + "/_search", json(body));
    }

    private static List<String> ids(JsonNode searchResponse) {
        return searchResponse.path("hits").path("hits").valueStream().map(hit -> hit.path("_id").asString()).toList();
    }

    private static String json(Object value) {
        return NodeHttp.toJson(value);
    }

    private static List<Path> jsonFiles(String folder) throws IOException {
        try (Stream<Path> files = Files.list(SEARCH_CONFIG.resolve(folder))) {
            return files.filter(SearchConfigLoadsIntoRealNodeTest::isJson).sorted().toList();
        }
    }

    private static boolean isJson(Path file) {
        return file.getFileName().toString().endsWith(".json");
    }

    private static String nameOf(Path file) {
        String fileName = file.getFileName().toString();
        return fileName.substring(0, fileName.length() - ".json".length());
    }
}
