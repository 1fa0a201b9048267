package io.vigie.people;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Someone who works at the company, as Vigie knows them. Their id is Keycloak's subject.
 * {@code suspendedUntil}: a moderator's suspension from writing (null, or possibly past);
 * {@code disabledAt}: when an admin disabled the account (null while it is enabled).
 */
public record Person(UUID id, String username, String displayName, String email, String department,
                     List<String> roles, OffsetDateTime createdAt, OffsetDateTime lastSeenAt, OffsetDateTime suspendedUntil,
                     OffsetDateTime disabledAt) {

    public boolean suspended() {
        return suspendedUntil != null && suspendedUntil.isAfter(OffsetDateTime.now());
    }
}
