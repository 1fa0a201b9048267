package io.vigie.spaces;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Who is reading, and what that allows. One rule decides visibility everywhere (SQL, every
 * Elasticsearch query, streams): a reader sees content in open and department spaces, in the
 * private spaces they belong to, and their own.
 *
 * @param personId  the reader
 * @param memberOf  spaces where the reader is owner or member (they may post there)
 * @param ownerOf   spaces the reader owns
 * @param following spaces the reader only follows
 * @param followedPeople people whose posts the reader wants in their home feed
 * @param moderator whether the reader moderates the whole network
 */
public record Reader(UUID personId, Set<UUID> memberOf, Set<UUID> ownerOf, Set<UUID> following, Set<UUID> followedPeople,
                     boolean moderator) {

    public boolean mayRead(UUID spaceId, SpaceKind kind) {
        return kind != SpaceKind.PRIVATE || memberOf.contains(spaceId);
    }

    public boolean mayPostIn(UUID spaceId) {
        return memberOf.contains(spaceId);
    }

    public boolean owns(UUID spaceId) {
        return ownerOf.contains(spaceId);
    }

    /** Spaces whose posts fill this reader's home feed. */
    public Set<UUID> homeSpaces() {
        Set<UUID> all = new HashSet<>(memberOf);
        all.addAll(following);
        return Set.copyOf(all);
    }
}
