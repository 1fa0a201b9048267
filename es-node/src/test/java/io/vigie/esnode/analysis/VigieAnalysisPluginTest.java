package io.vigie.esnode.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.vigie.esnode.NodeHttp;
import io.vigie.esnode.SharedNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** The names the plugin adds, each through the node's {@code _analyze} API. */
@ExtendWith(SharedNode.class)
class VigieAnalysisPluginTest {

    @Test
    void elisionDefaultsToFrenchArticlesAndHonoursItsOwn(NodeHttp http) {
        assertThat(analyze(http, Map.of("tokenizer", "standard", "filter", List.of("elision"),
                "text", "l'avion qu'il")))
                .containsExactly("avion", "il");
        assertThat(analyze(http, Map.of("tokenizer", "standard",
                "filter", List.of(Map.of("type", "elision", "articles", List.of("l"), "articles_case", true)),
                "text", "L'avion qu'il")))
                .containsExactly("avion", "qu'il");
    }

    @Test
    void asciifoldingCanKeepTheOriginal(NodeHttp http) {
        assertThat(analyze(http, Map.of("tokenizer", "standard",
                "filter", List.of(Map.of("type", "asciifolding", "preserve_original", true)), "text", "café")))
                .containsExactly("cafe", "café");
    }

    @Test
    void stemmerSupportsTheFrenchAndEnglishLanguages(NodeHttp http) {
        assertThat(stem(http, "light_french", "chevaux")).containsExactly("cheval");
        assertThat(stem(http, "minimal_french", "chevaux")).containsExactly("cheval");
        assertThat(stem(http, "french", "continuellement")).containsExactly("continuel");
        assertThat(stem(http, "light_english", "employees")).containsExactly("employee");
        assertThat(stem(http, "minimal_english", "companies")).containsExactly("company");
        assertThat(stem(http, "possessive_english", "company's")).containsExactly("company");
        assertThat(stem(http, "english", "running")).containsExactly("run");
        assertThat(stem(http, "porter", "connections")).containsExactly("connect");
    }

    @Test
    void stemmerRejectsAnUnknownLanguage(NodeHttp http) {
        NodeHttp.Response response = http.send("POST", "/_analyze", NodeHttp.toJson(Map.of("tokenizer", "standard",
                "filter", List.of(Map.of("type", "stemmer", "language", "klingon")), "text", "x")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().toString()).contains("klingon");
    }

    @Test
    void edgeNgramFilterAndTokenizerEmitPrefixes(NodeHttp http) {
        assertThat(analyze(http, Map.of("tokenizer", "standard",
                "filter", List.of(Map.of("type", "edge_ngram", "min_gram", 2, "max_gram", 4)), "text", "vigie")))
                .containsExactly("vi", "vig", "vigi");
        assertThat(analyze(http, Map.of("tokenizer", Map.of("type", "edge_ngram", "min_gram", 1, "max_gram", 3,
                "token_chars", List.of("letter")), "text", "Al-Bo")))
                .containsExactly("A", "Al", "B", "Bo");
    }

    @Test
    void synonymGraphAppliesInlineSolrRules(NodeHttp http) {
        List<String> tokens = analyze(http, Map.of("tokenizer", "standard",
                "filter", List.of("lowercase", Map.of("type", "synonym_graph",
                        "synonyms", List.of("ia, intelligence artificielle", "RH => ressources humaines"))),
                "text", "IA et RH"));

        assertThat(tokens).contains("ia", "intelligence", "artificielle", "ressources", "humaines").doesNotContain("rh");
    }

    @Test
    void htmlStripRemovesMarkup(NodeHttp http) {
        assertThat(analyze(http, Map.of("tokenizer", "standard", "char_filter", List.of("html_strip"),
                "text", "<p>Bonjour <b>&eacute;quipe</b></p>")))
                .containsExactly("Bonjour", "équipe");
    }

    @Test
    void languageAnalyzersDropStopwordsAndStem(NodeHttp http) {
        assertThat(analyze(http, Map.of("analyzer", "french", "text", "L'économie des énergies")))
                .containsExactly("econom", "energ");
        assertThat(analyze(http, Map.of("analyzer", "english", "text", "The employees were running")))
                .containsExactly("employe", "were", "run");
    }

    @Test
    void languageAnalyzersTakeTheirStopwordsFromSettings(NodeHttp http) {
        http.put("/language-analyzers", NodeHttp.toJson(Map.of("settings", Map.of("analysis", Map.of("analyzer",
                Map.of("english_strict", Map.of("type", "english", "stopwords", List.of("the", "were")),
                        "french_all_words", Map.of("type", "french", "stopwords", "_none_")))))));

        assertThat(tokens(http.post("/language-analyzers/_analyze", NodeHttp.toJson(
                Map.of("analyzer", "english_strict", "text", "The employees were running")))))
                .containsExactly("employe", "run");
        assertThat(tokens(http.post("/language-analyzers/_analyze", NodeHttp.toJson(
                Map.of("analyzer", "french_all_words", "text", "les énergies")))))
                .containsExactly("les", "energ");
    }

    @Test
    void keywordAndWhitespaceTokenizersExist(NodeHttp http) {
        assertThat(analyze(http, Map.of("tokenizer", "keyword", "text", "New York"))).containsExactly("New York");
        assertThat(analyze(http, Map.of("tokenizer", "whitespace", "text", "New York"))).containsExactly("New", "York");
    }

    private static List<String> stem(NodeHttp http, String language, String word) {
        return analyze(http, Map.of("tokenizer", "standard",
                "filter", List.of(Map.of("type", "stemmer", "language", language)), "text", word));
    }

    private static List<String> analyze(NodeHttp http, Map<String, ?> request) {
        return tokens(http.post("/_analyze", NodeHttp.toJson(request)));
    }

    private static List<String> tokens(JsonNode analyzed) {
        return analyzed.path("tokens").valueStream().map(token -> token.path("token").asString()).toList();
    }
}
