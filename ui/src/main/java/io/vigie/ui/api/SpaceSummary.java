package io.vigie.ui.api;

import java.util.UUID;

/** A space as the directory lists it, with the signed-in person's role (null when none). */
public record SpaceSummary(UUID id, String slug, String name, String description, String kind, String department,
                           String color, long members, String myRole) {

    public boolean canPost() {
        return "owner".equals(myRole) || "member".equals(myRole);
    }
}
