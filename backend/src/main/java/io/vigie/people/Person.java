package io.vigie.people;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Someone who works at the company, as Vigie knows them. Their id is Keycloak's subject. */
public record Person(UUID id, String username, String displayName, String email, String department,
                     List<String> roles, OffsetDateTime createdAt, OffsetDateTime lastSeenAt) {}
