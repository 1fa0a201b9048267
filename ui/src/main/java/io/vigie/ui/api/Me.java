package io.vigie.ui.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The signed-in person, as the API describes them ({@code GET /api/me}). */
public record Me(UUID id, String username, String displayName, String email, String department,
                 List<String> roles, OffsetDateTime createdAt, OffsetDateTime lastSeenAt) {}
