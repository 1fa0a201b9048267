package io.vigie.trends;

import io.vigie.spaces.Reader;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Trends lists, kept for a few seconds per scope. A list depends on its scope only, never on who
 * asks: company-wide lists read open and department spaces alone, and a space's list is the
 * whole space, which every reader allowed in sees alike. So the list is computed for the scope
 * itself (the {@link #readerOf scope's reader}), after the caller's own right to see the scope was
 * checked, and shared. Rising company-wide on a million events costs a few hundred milliseconds
 * of Elasticsearch; under load most readers now get it from here. A moderator's decision clears
 * the lists at once on this instance; other instances catch up within the time to live.
 */
@Component
class TrendsCache {

    private static final UUID NOBODY = new UUID(0, 0);

    /** What a list is computed for: one tab of one scope (and period, for top). */
    record Key(String tab, UUID spaceId, String period) {}

    private final Duration timeToLive;
    private final ConcurrentHashMap<Key, Mono<?>> lists = new ConcurrentHashMap<>();

    TrendsCache(TrendsProperties properties) {
        this.timeToLive = properties.cacheTimeToLive();
    }

    /** The list for this key: computed once per time to live, concurrent callers sharing one computation. */
    @SuppressWarnings("unchecked")
    <T> Mono<T> get(Key key, Function<Reader, Mono<T>> compute) {
        Reader scopeReader = readerOf(key.spaceId());
        if (timeToLive.isZero()) {
            return compute.apply(scopeReader);
        }
        return (Mono<T>) lists.computeIfAbsent(key, k -> Mono.defer(() -> compute.apply(scopeReader))
                .cache(value -> timeToLive, failure -> Duration.ZERO, () -> timeToLive));
    }

    /** A moderation decision or a space's setting changed what lists show. */
    void clear() {
        lists.clear();
    }

    /** Nobody in particular, member of the scope's space only: sees exactly the scope, whatever its kind. */
    static Reader readerOf(UUID spaceId) {
        return new Reader(NOBODY, spaceId == null ? Set.of() : Set.of(spaceId), Set.of(), Set.of(), Set.of(), false);
    }
}
