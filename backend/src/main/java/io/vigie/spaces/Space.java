package io.vigie.spaces;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A place for posts: open, private or of a department. */
public record Space(UUID id, String slug, String name, String description, SpaceKind kind, String department,
                    String color, OffsetDateTime createdAt) {}
