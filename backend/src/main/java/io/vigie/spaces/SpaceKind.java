package io.vigie.spaces;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Open: anyone reads and joins. Private: members only. Department: follows the department claim. */
public enum SpaceKind {
    OPEN, PRIVATE, DEPARTMENT;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static SpaceKind of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
