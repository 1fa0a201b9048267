package io.vigie.ui.api;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A colleague's public profile, from the signed-in person's point of view. */
public record Profile(UUID id, String username, String displayName, String department, OffsetDateTime memberSince,
                      long followers, long following, boolean followedByMe, boolean me) {}
