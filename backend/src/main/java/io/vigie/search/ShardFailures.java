package io.vigie.search;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.search.ResponseBody;
import co.elastic.clients.transport.TransportException;
import io.vigie.web.ApiProblems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;

/**
 * Searches that fail for a moment while the search cluster moves: a node lost in the middle of the
 * search answers 200 with no shard answering (read as a result, an empty feed or a page without its
 * counts), a node that is gone refuses the connection, and the surviving node answers 502, 503 or
 * 504 until a replica is promoted. Searches only read, so trying again is safe; after a second or
 * so the reader gets a 503 to retry rather than a 500 or a wrong empty answer.
 */
public final class ShardFailures {

    /** Elasticsearch's answers that mean "not now" rather than "not this request". */
    private static final Set<Integer> PASSING_STATUSES = Set.of(429, 502, 503, 504);

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
     * Whether a search failed because the cluster is passing through a bad moment: no shard
     * answered, a node answered 429/502/503/504, or the connection failed. A malformed query
     * (400) or a missing index (404) is not, and fails at once.
     */
    public static boolean passing(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            switch (cause) {
                case NoShardAnswered _ -> {
                    return true;
                }
                case ElasticsearchException answered -> {
                    return PASSING_STATUSES.contains(answered.status());
                }
                case TransportException unreadable -> {
                    // an answer the client could not read as an Elasticsearch error, e.g. a proxy's 502
                    return PASSING_STATUSES.contains(unreadable.statusCode());
                }
                case IOException _ -> {
                    // refused, reset or timed out before any answer
                    return true;
                }
                default -> {
                }
            }
        }
        return false;
    }

    /**
     * A few quick tries (a replica is promoted within a second or so, and the client moves to
     * another node), then a 503 with Retry-After the client can act on.
     */
    public static <T> Mono<T> retried(Mono<T> search) {
        return search.retryWhen(Retry.backoff(3, Duration.ofMillis(200))
                        .filter(ShardFailures::passing)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                .onErrorMap(ShardFailures::passing, failure -> unavailable());
    }

    /** The problem a reader gets when search stays unavailable after the retries. */
    public static ErrorResponseException unavailable() {
        ErrorResponseException problem = ApiProblems.status(HttpStatus.SERVICE_UNAVAILABLE,
                "Search unavailable", "Search is briefly unavailable; try again in a moment.");
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, "2");
        return problem;
    }
}
