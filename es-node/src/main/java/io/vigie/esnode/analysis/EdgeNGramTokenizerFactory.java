package io.vigie.esnode.analysis;

import java.util.List;
import java.util.function.IntPredicate;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenizer;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenizerFactory;

/**
 * {@code edge_ngram} tokenizer: prefixes of each word. Params {@code min_gram}, {@code max_gram}
 * and {@code token_chars} (letter, digit, whitespace, punctuation, symbol, custom with
 * {@code custom_token_chars}); no token_chars keeps every character, as in Elasticsearch.
 */
final class EdgeNGramTokenizerFactory extends AbstractTokenizerFactory {

    private final int minGram;
    private final int maxGram;
    private final IntPredicate tokenChar;

    EdgeNGramTokenizerFactory(IndexSettings indexSettings, Environment environment, String name, Settings settings) {
        super(name);
        this.minGram = settings.getAsInt("min_gram", 1);
        this.maxGram = settings.getAsInt("max_gram", 2);
        this.tokenChar = TokenChars.parse(settings.getAsList("token_chars", List.of()), settings.get("custom_token_chars", ""));
    }

    @Override
    public Tokenizer create() {
        if (tokenChar == null) {
            return new EdgeNGramTokenizer(minGram, maxGram);
        }
        return new EdgeNGramTokenizer(minGram, maxGram) {
            @Override
            protected boolean isTokenChar(int codePoint) {
                return tokenChar.test(codePoint);
            }
        };
    }
}
