package io.vigie.search;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Which search failures are a passing moment of the cluster (tried again), and which are not. */
class ShardFailuresTests {

    private static ElasticsearchException answered(int status, String type) {
        return new ElasticsearchException("search", ErrorResponse.of(e -> e.status(status).error(c -> c.type(type).reason(type))));
    }

    @Test
    void nodesAnsweringBadGatewayUnavailableOrTimeoutArePassing() {
        assertThat(ShardFailures.passing(answered(502, "bad_gateway"))).isTrue();
        assertThat(ShardFailures.passing(answered(503, "search_phase_execution_exception"))).isTrue();
        assertThat(ShardFailures.passing(answered(504, "timeout"))).isTrue();
        assertThat(ShardFailures.passing(answered(429, "es_rejected_execution_exception"))).isTrue();
    }

    @Test
    void aRefusedConnectionIsPassingEvenWrapped() {
        var refused = new ConnectException("Connection refused");
        assertThat(ShardFailures.passing(refused)).isTrue();
        assertThat(ShardFailures.passing(new CompletionException(refused))).isTrue();
    }

    @Test
    void aWrongRequestIsNotTriedAgain() {
        assertThat(ShardFailures.passing(answered(400, "parsing_exception"))).isFalse();
        assertThat(ShardFailures.passing(answered(404, "index_not_found_exception"))).isFalse();
        assertThat(ShardFailures.passing(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void aSearchFailingForAMomentIsAnsweredWhenTheClusterIsBack() {
        AtomicInteger tries = new AtomicInteger();
        Mono<String> search = Mono.defer(() -> tries.incrementAndGet() < 3 ? Mono.error(answered(502, "bad_gateway")) : Mono.just("hits"));
        StepVerifier.create(ShardFailures.retried(search)).expectNext("hits").verifyComplete();
        assertThat(tries).hasValue(3);
    }

    @Test
    void aSearchThatStaysUnavailableIsA503WithRetryAfter() {
        AtomicInteger tries = new AtomicInteger();
        Mono<String> search = Mono.defer(() -> {
            tries.incrementAndGet();
            return Mono.error(new ConnectException("Connection refused"));
        });
        StepVerifier.create(ShardFailures.retried(search))
                .expectErrorSatisfies(failure -> {
                    assertThat(failure).isInstanceOf(ErrorResponseException.class);
                    ErrorResponseException problem = (ErrorResponseException) failure;
                    assertThat(problem.getStatusCode().value()).isEqualTo(503);
                    assertThat(problem.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
                })
                .verify();
        assertThat(tries).hasValue(4);
    }

    @Test
    void aWrongRequestFailsAtOnce() {
        AtomicInteger tries = new AtomicInteger();
        Mono<String> search = Mono.defer(() -> {
            tries.incrementAndGet();
            return Mono.error(answered(400, "parsing_exception"));
        });
        StepVerifier.create(ShardFailures.retried(search)).expectError(ElasticsearchException.class).verify();
        assertThat(tries).hasValue(1);
    }
}
