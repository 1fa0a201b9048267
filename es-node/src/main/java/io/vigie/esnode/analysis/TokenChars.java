package io.vigie.esnode.analysis;

import java.util.List;
import java.util.function.IntPredicate;

/** The {@code token_chars} classes of the n-gram tokenizers. */
final class TokenChars {

    private TokenChars() {
    }

    /** @return the union of the named classes, or {@code null} when none is named (every char counts) */
    static IntPredicate parse(List<String> classes, String customChars) {
        IntPredicate union = null;
        for (String name : classes) {
            IntPredicate one = switch (name) {
                case "letter" -> Character::isLetter;
                case "digit" -> Character::isDigit;
                case "whitespace" -> Character::isWhitespace;
                case "punctuation" -> TokenChars::isPunctuation;
                case "symbol" -> TokenChars::isSymbol;
                case "custom" -> codePoint -> customChars.codePoints().anyMatch(c -> c == codePoint);
                default -> throw new IllegalArgumentException("unknown token_chars class [" + name + "]");
            };
            union = union == null ? one : union.or(one);
        }
        return union;
    }

    private static boolean isPunctuation(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    private static boolean isSymbol(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL,
                    Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }
}
