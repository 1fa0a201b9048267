package io.vigie.ratelimit;

import io.vigie.security.ProblemResponses;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.security.Principal;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The write limits as a pure unit test of the filter (the suite's shared application context runs
 * with limits off: it writes faster than any person, and a second context with other settings
 * would share the JVM's network resources with it). Three posts an hour here.
 */
class WriteRateLimitsTests {

    private static final RateLimitProperties.Limit PLENTY = new RateLimitProperties.Limit(1000, Duration.ofMinutes(10));

    /** The rest of the chain: the endpoint, answering 201. */
    private final WebFilterChain endpoint = exchange -> {
        exchange.getResponse().setStatusCode(HttpStatus.CREATED);
        return Mono.empty();
    };

    @Test
    void theFourthPostInAnHourGets429WithRetryAfterWhileReadsAndOtherPeopleGoOn() {
        WriteRateLimits limits = limits(true);
        for (int i = 0; i < 3; i++) {
            assertThat(call(limits, HttpMethod.POST, "/api/spaces/s1/posts", "farid").getResponse().getStatusCode())
                    .isEqualTo(HttpStatus.CREATED);
        }
        MockServerWebExchange refused = call(limits, HttpMethod.POST, "/api/spaces/s2/posts", "farid");
        assertThat(refused.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(Long.parseLong(refused.getResponse().getHeaders().getFirst("Retry-After"))).isBetween(1L, 3600L);
        assertThat(refused.getResponse().getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(refused.getResponse().getBodyAsString().block()).contains("Too many posts");

        // Reads, other kinds of writes and other people are not limited by Farid's posts.
        assertThat(call(limits, HttpMethod.GET, "/api/spaces/s1/posts", "farid").getResponse().getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(call(limits, HttpMethod.POST, "/api/posts/p1/comments", "farid").getResponse().getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(call(limits, HttpMethod.POST, "/api/spaces/s1/posts", "bruno").getResponse().getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void offMeansOff() {
        WriteRateLimits off = limits(false);
        for (int i = 0; i < 5; i++) {
            assertThat(call(off, HttpMethod.POST, "/api/spaces/s1/posts", "farid").getResponse().getStatusCode()).isEqualTo(HttpStatus.CREATED);
        }
    }

    private static WriteRateLimits limits(boolean enabled) {
        return new WriteRateLimits(new RateLimitProperties(enabled, new RateLimitProperties.Limit(3, Duration.ofHours(1)),
                PLENTY, PLENTY, PLENTY, PLENTY), new ProblemResponses(JsonMapper.builder().build()));
    }

    private MockServerWebExchange call(WriteRateLimits limits, HttpMethod method, String path, String person) {
        Principal principal = () -> person;
        MockServerWebExchange exchange = MockServerWebExchange.builder(MockServerHttpRequest.method(method, path)).principal(principal).build();
        limits.filter(exchange, endpoint).block();
        return exchange;
    }
}
