/**
 * Keeping the network healthy: reports from anyone, automatic hiding when enough distinct people
 * report an item, the moderators' queue and actions (hide, restore, delete, lock, warn, suspend),
 * and the append-only audit log of every moderator and admin act.
 */
package io.vigie.moderation;
