package io.vigie.articles;

import io.vigie.content.Hashtags;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An article's themes drawn from its own words: the title and description, folded like
 * hashtags, without the common words of French and English. Title words count double, and the
 * most frequent few are kept. Trending topics aggregate them beside the sharers' tags.
 */
public final class Keywords {

    static final int MAX = 6;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}-]*");

    /** Articles, pronouns, auxiliaries and link words that say nothing of a subject. */
    private static final Set<String> COMMON = Set.of(
            // English
            "about", "after", "again", "also", "among", "been", "before", "being", "between", "both", "could", "does",
            "doing", "down", "during", "each", "from", "further", "have", "having", "here", "into", "just", "know",
            "like", "made", "make", "many", "more", "most", "much", "must", "need", "news", "only", "other", "over",
            "read", "said", "same", "should", "some", "such", "than", "that", "their", "them", "then", "there", "these",
            "they", "this", "those", "through", "under", "until", "very", "were", "what", "when", "where", "which",
            "while", "will", "with", "without", "would", "year", "years", "your", "yours", "https", "http", "www",
            // French (folded)
            "alors", "apres", "aussi", "autre", "autres", "avant", "avec", "avoir", "cela", "celle", "celles", "celui",
            "cette", "ceux", "chez", "comme", "comment", "dans", "depuis", "donc", "elle", "elles", "encore", "entre",
            "etait", "etre", "fait", "faire", "leur", "leurs", "lors", "mais", "meme", "moins", "nous", "notre", "nos",
            "pour", "plus", "quand", "quel", "quelle", "quelles", "quels", "sans", "selon", "sont", "sous", "suis",
            "tout", "toute", "toutes", "tous", "tres", "vers", "vous", "votre", "voici", "voila", "annee", "annees",
            "article", "articles", "lire", "ainsi", "deja", "dont", "peut", "peuvent", "sera", "seront", "cest");

    private Keywords() {}

    public static List<String> of(String title, String description) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        count(title, 2, counts);
        count(description, 1, counts);
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(MAX)
                .map(Map.Entry::getKey)
                .toList();
    }

    private static void count(String text, int weight, Map<String, Integer> counts) {
        if (text == null) {
            return;
        }
        Matcher words = WORD.matcher(text);
        while (words.find()) {
            String word = Hashtags.normalise(words.group()).replaceAll("^[-]+|[-]+$", "");
            if (word.length() >= 4 && word.length() <= 40 && !COMMON.contains(word) && !word.chars().allMatch(Character::isDigit)) {
                counts.merge(word, weight, Integer::sum);
            }
        }
    }
}
