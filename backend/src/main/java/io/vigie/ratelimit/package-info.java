/**
 * Per-person limits on writes (posts, comments, votes, shares, reports): token buckets, answered
 * with 429 and Retry-After when empty.
 */
package io.vigie.ratelimit;
