package io.vigie.esnode.analysis;

import java.util.function.BiFunction;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopwordAnalyzerBase;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;

/**
 * The {@code french} and {@code english} analyzers: Lucene's own, with the Elasticsearch params
 * {@code stopwords} (list, or {@code _french_}-style names, or {@code stopwords_path}) and
 * {@code stem_exclusion}.
 */
final class LanguageAnalyzerProvider extends AbstractIndexAnalyzerProvider<StopwordAnalyzerBase> {

    private final StopwordAnalyzerBase analyzer;

    private LanguageAnalyzerProvider(String name, StopwordAnalyzerBase analyzer) {
        super(name);
        this.analyzer = analyzer;
    }

    static AnalysisProvider<AnalyzerProvider<? extends Analyzer>> french() {
        return provider(FrenchAnalyzer.getDefaultStopSet(), FrenchAnalyzer::new);
    }

    static AnalysisProvider<AnalyzerProvider<? extends Analyzer>> english() {
        return provider(EnglishAnalyzer.getDefaultStopSet(), EnglishAnalyzer::new);
    }

    private static AnalysisProvider<AnalyzerProvider<? extends Analyzer>> provider(
            CharArraySet defaultStopwords, BiFunction<CharArraySet, CharArraySet, StopwordAnalyzerBase> constructor) {
        return (IndexSettings indexSettings, Environment environment, String name, Settings settings) -> {
            CharArraySet stopwords = Analysis.parseStopWords(environment, settings, defaultStopwords);
            CharArraySet stemExclusion = Analysis.parseStemExclusion(settings, CharArraySet.EMPTY_SET);
            return new LanguageAnalyzerProvider(name, constructor.apply(stopwords, stemExclusion));
        };
    }

    @Override
    public StopwordAnalyzerBase get() {
        return analyzer;
    }
}
