package io.vigie.profiles;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A person as any colleague sees them: no e-mail address, no roles beyond what the directory
 * shows. {@code followedByMe} and {@code me} are from the reader's point of view.
 */
public record Profile(UUID id, String username, String displayName, String department, OffsetDateTime memberSince,
                      long followers, long following, boolean followedByMe, boolean me) {}
