package io.vigie.esnode.analysis;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.NormalizingTokenFilterFactory;

/**
 * {@code elision}: strips leading articles such as {@code l'} and {@code qu'}.
 * Params {@code articles} (or {@code articles_path}) and {@code articles_case}; without articles,
 * the French ones. Normalizing, so keyword normalizers may use it too.
 */
final class ElisionFilterFactory extends AbstractTokenFilterFactory implements NormalizingTokenFilterFactory {

    private final CharArraySet articles;

    ElisionFilterFactory(IndexSettings indexSettings, Environment environment, String name, Settings settings) {
        super(name);
        CharArraySet configured = Analysis.parseArticles(environment, settings);
        this.articles = configured != null ? configured : FrenchAnalyzer.DEFAULT_ARTICLES;
    }

    @Override
    public TokenStream create(TokenStream input) {
        return new ElisionFilter(input, articles);
    }
}
