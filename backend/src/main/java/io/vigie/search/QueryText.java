package io.vigie.search;

import java.util.ArrayList;
import java.util.List;

/**
 * What a person typed in the search box, understood: words (optional: more of them rank higher),
 * words that must appear ({@code +word}, or either side of {@code AND}), words that must not
 * ({@code -word}, {@code NOT word}), and exact phrases in double quotes (which must appear).
 * {@code OR} is the default between words and may be written.
 */
public record QueryText(List<String> optional, List<String> required, List<String> excluded, List<String> phrases) {

    public static QueryText parse(String input) {
        List<String> optional = new ArrayList<>();
        List<String> required = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        List<Token> tokens = tokens(input == null ? "" : input);
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.phrase()) {
                if (searchable(token.text())) {
                    phrases.add(token.text().strip());
                }
                continue;
            }
            String word = token.text();
            switch (word) {
                case "AND", "&&" -> {
                    // Both sides become required: the one before (if it was optional) and the one after.
                    if (!optional.isEmpty()) {
                        required.add(optional.removeLast());
                    }
                    if (i + 1 < tokens.size() && !tokens.get(i + 1).phrase() && !isOperator(tokens.get(i + 1).text())) {
                        addTerm(required, tokens.get(++i).text());
                    }
                }
                case "NOT" -> {
                    if (i + 1 < tokens.size() && !tokens.get(i + 1).phrase()) {
                        addTerm(excluded, tokens.get(++i).text());
                    }
                }
                case "OR", "||" -> { }
                default -> {
                    if (word.startsWith("-")) {
                        addTerm(excluded, word);
                    } else if (word.startsWith("+")) {
                        addTerm(required, word);
                    } else {
                        addTerm(optional, word);
                    }
                }
            }
        }
        return new QueryText(List.copyOf(optional), List.copyOf(required), List.copyOf(excluded), List.copyOf(phrases));
    }

    public boolean isEmpty() {
        return optional.isEmpty() && required.isEmpty() && phrases.isEmpty();
    }

    /** Every word that should match, for ranking and for the typo-tolerant clause. */
    public String positiveWords() {
        List<String> words = new ArrayList<>(required);
        words.addAll(optional);
        phrases.forEach(words::add);
        return String.join(" ", words);
    }

    private record Token(String text, boolean phrase) {}

    private static List<Token> tokens(String input) {
        List<Token> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : input.toCharArray()) {
            if (c == '"') {
                if (quoted) {
                    tokens.add(new Token(current.toString(), true));
                    current.setLength(0);
                } else if (!current.isEmpty()) {
                    tokens.add(new Token(current.toString(), false));
                    current.setLength(0);
                }
                quoted = !quoted;
            } else if (!quoted && Character.isWhitespace(c)) {
                if (!current.isEmpty()) {
                    tokens.add(new Token(current.toString(), false));
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            // An unclosed quote: its words are searched as ordinary words.
            for (String word : current.toString().strip().split("\\s+")) {
                if (!word.isEmpty()) {
                    tokens.add(new Token(word, false));
                }
            }
        }
        return tokens;
    }

    private static boolean isOperator(String word) {
        return List.of("AND", "OR", "NOT", "&&", "||").contains(word);
    }

    /**
     * A word without its leading signs, kept only if a letter or digit is left: a term of
     * punctuation or control characters would match nothing and, required, would empty the
     * results (found by fuzzing: {@code QueryTextFuzzTests}).
     */
    private static void addTerm(List<String> terms, String word) {
        String term = word.replaceAll("^[+\\-]+", "");
        if (searchable(term)) {
            terms.add(term);
        }
    }

    private static boolean searchable(String text) {
        return text.codePoints().anyMatch(Character::isLetterOrDigit);
    }
}
