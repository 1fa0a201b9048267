/**
 * SSO administration: the people and departments of the company as Keycloak knows them, managed
 * by admins from Vigie through Keycloak's Admin REST API with the realm's {@code vigie-admin}
 * service account (least privilege: only the realm-management roles it needs, never the master
 * admin). Keycloak stays the source of truth; Vigie mirrors what it needs at once (department
 * space membership, a disabled account's refusal) so that a token issued before a change cannot
 * undo it. Every change is written to the audit log.
 */
package io.vigie.directory;
