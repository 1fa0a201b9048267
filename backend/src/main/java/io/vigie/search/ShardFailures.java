package io.vigie.search;

import co.elastic.clients.elasticsearch.core.search.ResponseBody;
import io.vigie.web.ApiProblems;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Duration;

/**
 * Elasticsearch answers a search with 200 and no hits when no copy of a shard could answer: a node
 * lost in the middle of the search, or a point in time opened on a copy that is gone. Read as a
 * result, that would be an empty feed or a page without its counts; it is a failure to retry.
 */
public final class ShardFailures {

    private ShardFailures() {}

    /** Thrown for a response in which no shard answered. */
    public static final class NoShardAnswered extends RuntimeException {
        NoShardAnswered(String reason) {
            super("no shard answered the search: " + reason);
        }
    }

    /** The response, or a {@link NoShardAnswered} error when shards exist and none answered. */
    public static <R extends ResponseBody<?>> Mono<R> check(R response) {
        var shards = response.shards();
        if (shards.successful().intValue() == 0 && shards.total().intValue() > 0) {
            String reason = shards.failures().isEmpty() ? "unknown" : shards.failures().getFirst().reason().reason();
            return Mono.error(new NoShardAnswered(reason));
        }
        return Mono.just(response);
    }

    /**
     * A few quick tries (a replica is promoted within a second or so), then a 503 the client can
     * act on instead of a 500 or a wrong empty answer.
     */
    public static <T> Mono<T> retried(Mono<T> search) {
        return search.retryWhen(Retry.backoff(3, Duration.ofMillis(200))
                        .filter(NoShardAnswered.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                .onErrorMap(NoShardAnswered.class, failure -> ApiProblems.status(HttpStatus.SERVICE_UNAVAILABLE,
                        "Search unavailable", "Search is briefly unavailable; try again in a moment."));
    }
}
