package io.vigie.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import io.vigie.web.ApiProblems;

/** Sort values of a hit, written into a cursor with their type, and read back. */
public final class SortValues {

    private SortValues() {}

    public static String encode(FieldValue value) {
        return switch (value._kind()) {
            case Long -> "l" + value.longValue();
            case Double -> "d" + value.doubleValue();
            case Boolean -> "b" + value.booleanValue();
            case String -> "s" + value.stringValue();
            default -> throw new IllegalStateException("unexpected sort value " + value);
        };
    }

    public static FieldValue decode(String text) {
        if (text.isEmpty()) {
            throw ApiProblems.invalid("cursor", "is not a cursor this API gave out");
        }
        String body = text.substring(1);
        try {
            return switch (text.charAt(0)) {
                case 'l' -> FieldValue.of(Long.parseLong(body));
                case 'd' -> FieldValue.of(Double.parseDouble(body));
                case 'b' -> FieldValue.of(Boolean.parseBoolean(body));
                case 's' -> FieldValue.of(body);
                default -> throw new NumberFormatException();
            };
        } catch (NumberFormatException e) {
            throw ApiProblems.invalid("cursor", "is not a cursor this API gave out");
        }
    }
}
