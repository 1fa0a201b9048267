package io.vigie.search;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Set;
import java.util.TreeSet;

/**
 * "Did you mean": each word of the query is replaced by the closest word that a typo-tolerant
 * search actually matched in documents the reader may see (taken from the highlights), so a
 * correction never reveals a word from content the reader cannot read.
 */
final class Corrections {

    private static final Pattern MARKED = Pattern.compile("<mark>(.*?)</mark>");

    private Corrections() {}

    /** The words highlighted in these fragments. */
    static Set<String> markedWords(Collection<String> fragments) {
        Set<String> words = new TreeSet<>();
        for (String fragment : fragments) {
            Matcher matcher = MARKED.matcher(fragment);
            while (matcher.find()) {
                words.add(matcher.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    /** The query with each word swapped for its nearest candidate (at most two edits away); null if nothing changes. */
    static String correct(String query, Set<String> candidates) {
        StringBuilder corrected = new StringBuilder();
        boolean changed = false;
        for (String word : query.strip().split("\\s+")) {
            String best = word;
            int bestDistance = 3;
            String folded = fold(word);
            for (String candidate : candidates) {
                String foldedCandidate = fold(candidate);
                if (foldedCandidate.equals(folded)) {
                    best = word;
                    bestDistance = 0;
                    break;
                }
                int distance = distance(folded, foldedCandidate, bestDistance);
                if (distance < bestDistance) {
                    best = candidate;
                    bestDistance = distance;
                }
            }
            changed |= !best.equals(word);
            corrected.append(corrected.isEmpty() ? "" : " ").append(best);
        }
        return changed ? corrected.toString() : null;
    }

    static String fold(String word) {
        return Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }

    /** Levenshtein distance, giving up (returning {@code limit}) once it cannot be below the limit. */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) >= limit) {
            return limit;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin >= limit) {
                return limit;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return Math.min(previous[b.length()], limit);
    }
}
