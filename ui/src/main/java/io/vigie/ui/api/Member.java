package io.vigie.ui.api;

import java.util.UUID;

/** Someone in a space: owner, member or follower. */
public record Member(UUID personId, String username, String name, String department, String role) {}
