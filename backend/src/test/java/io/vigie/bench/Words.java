package io.vigie.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * French and English text for the generated company. Content words come from a ranked list and are
 * drawn by a Zipf law (the second word half as often as the first, and so on), as in real text, so a
 * search for a common word matches many documents and one for a rare word matches few; function
 * words fill the sentences the way they do in real posts.
 */
final class Words {

    private static final List<String> FRENCH_GLUE = List.of(
            "le", "la", "les", "de", "des", "du", "un", "une", "et", "à", "pour", "avec", "sur", "dans", "notre", "nos", "ce", "cette",
            "qui", "que", "est", "sont", "a", "ont", "on", "nous", "vous", "il", "elle", "très", "plus", "aussi", "mais", "donc");
    private static final List<String> ENGLISH_GLUE = List.of(
            "the", "a", "an", "of", "to", "and", "for", "with", "on", "in", "our", "this", "that", "is", "are", "was", "we", "you",
            "it", "they", "very", "more", "also", "but", "so", "from", "at", "by", "be", "have", "has", "will", "can");

    final Language french = new Language("fr", read("vocabulary-fr.txt"), FRENCH_GLUE);
    final Language english = new Language("en", read("vocabulary-en.txt"), ENGLISH_GLUE);

    /** One language's ranked content words, with the cumulative Zipf weights to draw them. */
    static final class Language {

        final String code;
        final List<String> ranked;
        private final List<String> glue;
        private final double[] cumulative;

        Language(String code, List<String> ranked, List<String> glue) {
            this.code = code;
            this.ranked = ranked;
            this.glue = glue;
            cumulative = new double[ranked.size()];
            double total = 0;
            for (int rank = 0; rank < ranked.size(); rank++) {
                total += 1.0 / (rank + 1);
                cumulative[rank] = total;
            }
            for (int rank = 0; rank < cumulative.length; rank++) {
                cumulative[rank] /= total;
            }
        }

        /** A content word, frequent ones more often (Zipf, exponent 1). */
        String word(Random random) {
            int index = Arrays.binarySearch(cumulative, random.nextDouble());
            return ranked.get(Math.min(ranked.size() - 1, index < 0 ? -index - 1 : index));
        }

        /** {@code count} words of running text: about two content words for one function word. */
        String text(Random random, int count) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < count; i++) {
                if (i > 0) {
                    text.append(' ');
                }
                text.append(random.nextInt(3) == 0 ? glue.get(random.nextInt(glue.size())) : word(random));
            }
            return text.toString();
        }

        /** A sentence with a capital and a full stop. */
        String sentence(Random random, int count) {
            String text = text(random, count);
            return Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
        }
    }

    Language pick(Random random) {
        return random.nextInt(10) < 6 ? french : english;
    }

    private static List<String> read(String resource) {
        try (InputStream in = Words.class.getResourceAsStream("/bench/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource bench/" + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("#"))
                    .flatMap(line -> Arrays.stream(line.strip().split("\\s+")))
                    .filter(word -> !word.isEmpty())
                    .distinct()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
