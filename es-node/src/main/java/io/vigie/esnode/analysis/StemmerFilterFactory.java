package io.vigie.esnode.analysis;

import java.util.Map;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchMinimalStemFilter;
import org.apache.lucene.analysis.it.ItalianLightStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;

/**
 * {@code stemmer}: picks a Lucene stemmer by {@code language} (alias {@code name}), the names
 * Elasticsearch documents. Only the languages Vigie may need; an unknown one fails index creation.
 */
final class StemmerFilterFactory extends AbstractTokenFilterFactory {

    private static final Map<String, UnaryOperator<TokenStream>> STEMMERS = Map.ofEntries(
            Map.entry("english", PorterStemFilter::new),
            Map.entry("porter", PorterStemFilter::new),
            Map.entry("porter2", in -> new SnowballFilter(in, "English")),
            Map.entry("light_english", KStemFilter::new),
            Map.entry("kstem", KStemFilter::new),
            Map.entry("minimal_english", EnglishMinimalStemFilter::new),
            Map.entry("possessive_english", EnglishPossessiveFilter::new),
            Map.entry("french", in -> new SnowballFilter(in, "French")),
            Map.entry("light_french", FrenchLightStemFilter::new),
            Map.entry("minimal_french", FrenchMinimalStemFilter::new),
            Map.entry("german", in -> new SnowballFilter(in, "German")),
            Map.entry("light_german", GermanLightStemFilter::new),
            Map.entry("minimal_german", GermanMinimalStemFilter::new),
            Map.entry("spanish", in -> new SnowballFilter(in, "Spanish")),
            Map.entry("light_spanish", SpanishLightStemFilter::new),
            Map.entry("italian", in -> new SnowballFilter(in, "Italian")),
            Map.entry("light_italian", ItalianLightStemFilter::new));

    private final UnaryOperator<TokenStream> stemmer;

    StemmerFilterFactory(IndexSettings indexSettings, Environment environment, String name, Settings settings) {
        super(name);
        String language = settings.get("language", settings.get("name", "porter"));
        this.stemmer = STEMMERS.get(language);
        if (stemmer == null) {
            throw new IllegalArgumentException("stemmer [" + name + "]: unsupported language [" + language
                    + "], supported: " + new TreeSet<>(STEMMERS.keySet()));
        }
    }

    @Override
    public TokenStream create(TokenStream input) {
        return stemmer.apply(input);
    }
}
