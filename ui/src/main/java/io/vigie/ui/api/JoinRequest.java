package io.vigie.ui.api;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Someone asking to join a private space, as its owners see it. */
public record JoinRequest(UUID personId, String username, String name, String message, OffsetDateTime at) {}
