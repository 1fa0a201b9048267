package io.vigie.indexing;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.UUID;

/**
 * Where the search documents of one kind of entity come from. The indexer loads changed ones by
 * id; a rebuild pages through all of them; the consistency check compares versions.
 */
interface DocumentSource {

    /** An id and the version its search document must have. */
    record Versioned(UUID id, long version) {}

    Outbox.EntityType type();

    /** The current documents of these ids (deleted ones marked so); unknown ids are skipped. */
    Flux<SearchDocument> load(Collection<UUID> ids);

    /** The ids of every live entity after {@code after} (null: from the start), in id order. */
    Flux<UUID> idsAfter(UUID after, int limit);

    /** How many live entities there are (what the index should hold). */
    Mono<Long> count();

    /** Every live entity's id and version, in id order. */
    Flux<Versioned> versions();
}
