package io.vigie.ui.api;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An invitation the signed-in person received to a private space. */
public record Invitation(UUID spaceId, String spaceName, String spaceSlug, UUID invitedBy, String invitedByName,
                         OffsetDateTime at) {}
