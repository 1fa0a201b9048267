package io.vigie.esnode.analysis;

import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.PreBuiltAnalyzerProviderFactory;
import org.elasticsearch.index.analysis.PreConfiguredTokenizer;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.indices.analysis.PreBuiltCacheFactory.CachingStrategy;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

/**
 * The analysis names {@code search-config/} uses that a distribution gets from its
 * {@code analysis-common} module, which Maven Central does not publish. Each is a thin
 * factory over the Lucene class that module wraps, so the same JSON behaves alike on a real
 * cluster. The server itself already has the {@code standard} tokenizer and analyzer, the
 * {@code lowercase} filter and normalizer, and the {@code stop}, {@code shingle} and
 * {@code hunspell} filters.
 */
public final class VigieAnalysisPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of(
                "elision", ElisionFilterFactory::new,
                "asciifolding", AsciiFoldingFilterFactory::new,
                "stemmer", StemmerFilterFactory::new,
                "edge_ngram", EdgeNGramFilterFactory::new,
                // Without rules it means nothing; not instantiated for every index by default.
                "synonym_graph", AnalysisPlugin.requiresAnalysisSettings(SynonymGraphFilterFactory::new));
    }

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        return Map.of("edge_ngram", EdgeNGramTokenizerFactory::new);
    }

    /** Parameterless tokenizers, usable by name anywhere. */
    @Override
    public List<PreConfiguredTokenizer> getPreConfiguredTokenizers() {
        return List.of(
                PreConfiguredTokenizer.singleton("keyword", KeywordTokenizer::new),
                PreConfiguredTokenizer.singleton("whitespace", WhitespaceTokenizer::new));
    }

    @Override
    public Map<String, AnalysisProvider<CharFilterFactory>> getCharFilters() {
        return Map.of("html_strip", HtmlStripCharFilterFactory::new);
    }

    /** {@code "type": "french"} with params such as {@code stopwords}. */
    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        return Map.of(
                "french", LanguageAnalyzerProvider.french(),
                "english", LanguageAnalyzerProvider.english());
    }

    /** {@code "analyzer": "french"} on a field, shared by every index. */
    @Override
    public List<PreBuiltAnalyzerProviderFactory> getPreBuiltAnalyzerProviderFactories() {
        return List.of(
                new PreBuiltAnalyzerProviderFactory("french", CachingStrategy.ONE, FrenchAnalyzer::new),
                new PreBuiltAnalyzerProviderFactory("english", CachingStrategy.ONE, EnglishAnalyzer::new));
    }
}
