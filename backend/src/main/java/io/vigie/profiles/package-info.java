/**
 * People's public profiles and following people: who someone is, how many follow them, and
 * whether the reader does. A followed person's posts join the follower's home feed.
 */
package io.vigie.profiles;
