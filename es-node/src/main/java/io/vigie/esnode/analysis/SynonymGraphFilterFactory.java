package io.vigie.esnode.analysis;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.List;
import java.util.function.Function;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.synonym.WordnetSynonymParser;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexService.IndexCreationContext;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.AnalysisMode;
import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;

/**
 * {@code synonym_graph}: rules from {@code synonyms} (inline list) or {@code synonyms_path},
 * in {@code format} solr (default) or wordnet; {@code expand} (default true), {@code lenient}
 * (skip rules that fail to parse) and {@code updateable} (search-time only).
 *
 * <p>Synonym terms must be analysed like the text they will meet, so the rules are parsed only
 * once the analyzer chain before this filter is known.
 */
final class SynonymGraphFilterFactory extends AbstractTokenFilterFactory {

    private final List<String> rules;
    private final boolean wordnet;
    private final boolean expand;
    private final boolean lenient;
    private final AnalysisMode analysisMode;

    SynonymGraphFilterFactory(IndexSettings indexSettings, Environment environment, String name, Settings settings) {
        super(name);
        List<String> configured = Analysis.getWordList(environment, settings, "synonyms");
        this.rules = configured == null ? List.of() : configured;
        String format = settings.get("format", "solr");
        if (!format.equals("solr") && !format.equals("wordnet")) {
            throw new IllegalArgumentException("synonym_graph [" + name + "]: unknown format [" + format + "]");
        }
        this.wordnet = format.equals("wordnet");
        this.expand = settings.getAsBoolean("expand", true);
        this.lenient = settings.getAsBoolean("lenient", false);
        this.analysisMode = settings.getAsBoolean("updateable", false) ? AnalysisMode.SEARCH_TIME : AnalysisMode.ALL;
    }

    @Override
    public TokenStream create(TokenStream input) {
        throw new IllegalStateException("synonym_graph [" + name() + "] can only be used inside an analyzer");
    }

    @Override
    public AnalysisMode getAnalysisMode() {
        return analysisMode;
    }

    @Override
    public TokenFilterFactory getChainAwareTokenFilterFactory(
            IndexCreationContext context,
            TokenizerFactory tokenizer,
            List<CharFilterFactory> charFilters,
            List<TokenFilterFactory> previousTokenFilters,
            Function<String, TokenFilterFactory> allFilters) {
        List<TokenFilterFactory> synonymFilters = previousTokenFilters.stream().map(TokenFilterFactory::getSynonymFilter).toList();
        try (Analyzer chain = new ChainAnalyzer(tokenizer, charFilters, synonymFilters)) {
            SynonymMap synonyms = parse(chain);
            return new AbstractTokenFilterFactory(name()) {
                @Override
                public TokenStream create(TokenStream input) {
                    // An empty rule set has no FST, which SynonymGraphFilter refuses.
                    return synonyms.fst == null ? input : new SynonymGraphFilter(input, synonyms, false);
                }

                @Override
                public AnalysisMode getAnalysisMode() {
                    return analysisMode;
                }
            };
        }
    }

    private SynonymMap parse(Analyzer chain) {
        try {
            SynonymMap.Parser parser = wordnet
                    ? new WordnetSynonymParser(true, expand, chain)
                    : new SolrSynonymParser(true, expand, chain);
            if (wordnet) {
                parser.parse(new StringReader(String.join("\n", rules)));
            } else {
                // One rule at a time, so a bad rule is named (or skipped when lenient).
                for (String rule : rules) {
                    parseRule(parser, rule);
                }
            }
            return parser.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalArgumentException("synonym_graph [" + name() + "]: " + e.getMessage(), e);
        }
    }

    private void parseRule(SynonymMap.Parser parser, String rule) throws IOException {
        try {
            parser.parse(new StringReader(rule));
        } catch (ParseException | IllegalArgumentException e) {
            if (!lenient) {
                throw new IllegalArgumentException("synonym_graph [" + name() + "]: cannot parse rule [" + rule + "]", e);
            }
        }
    }
}
