package io.vigie.spaces;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The bodies of the spaces API. */
final class SpaceRequests {

    private SpaceRequests() {}

    record Create(@NotBlank @Size(max = 80) String name,
                  @Size(max = 2000) String description,
                  @NotNull SpaceKind kind,
                  @Pattern(regexp = "#[0-9a-fA-F]{6}", message = "must be a colour like #1a73e8") String color) {
        String descriptionOrEmpty() {
            return description == null ? "" : description.strip();
        }
    }

    /** A new name, description and colour; {@code kind} (open or private) only when it changes. */
    record Update(@NotBlank @Size(max = 80) String name,
                  @Size(max = 2000) String description,
                  @Pattern(regexp = "#[0-9a-fA-F]{6}", message = "must be a colour like #1a73e8") String color,
                  SpaceKind kind) {
        String descriptionOrEmpty() {
            return description == null ? "" : description.strip();
        }
    }
}
