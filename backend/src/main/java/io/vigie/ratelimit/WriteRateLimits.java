package io.vigie.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.vigie.security.ProblemResponses;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs after authentication (Spring Security's filters come first): a write of a limited kind
 * takes a token from the caller's bucket for that kind, or gets 429 with the seconds to wait.
 * Reads and unauthenticated requests pass untouched.
 */
@Component
@Order(0)
class WriteRateLimits implements WebFilter {

    /** Which requests are writes of which kind. */
    private record Rule(HttpMethod method, PathPattern path, String kind) {}

    private static final PathPatternParser PATHS = new PathPatternParser();

    private final List<Rule> rules = List.of(
            rule(HttpMethod.POST, "/api/spaces/{id}/posts", "posts"),
            rule(HttpMethod.POST, "/api/posts/{id}/comments", "comments"),
            rule(HttpMethod.PUT, "/api/posts/{id}/vote", "votes"),
            rule(HttpMethod.DELETE, "/api/posts/{id}/vote", "votes"),
            rule(HttpMethod.PUT, "/api/comments/{id}/vote", "votes"),
            rule(HttpMethod.DELETE, "/api/comments/{id}/vote", "votes"),
            rule(HttpMethod.POST, "/api/spaces/{id}/shares", "shares"),
            rule(HttpMethod.POST, "/api/inbox/{id}/promote", "shares"),
            rule(HttpMethod.POST, "/api/reports", "reports"));

    private final RateLimitProperties properties;
    private final ProblemResponses problems;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    WriteRateLimits(RateLimitProperties properties, ProblemResponses problems) {
        this.properties = properties;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!properties.enabled()) {
            return chain.filter(exchange);
        }
        String kind = kindOf(exchange);
        if (kind == null) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .map(Principal::getName)
                .flatMap(person -> {
                    ConsumptionProbe probe = buckets.computeIfAbsent(person + "/" + kind, key -> bucket(kind)).tryConsumeAndReturnRemaining(1);
                    if (probe.isConsumed()) {
                        return chain.filter(exchange).thenReturn(true);
                    }
                    long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
                    return problems.tooManyRequests(exchange, kind, seconds).thenReturn(true);
                })
                .switchIfEmpty(Mono.defer(() -> chain.filter(exchange).thenReturn(true)))
                .then();
    }

    private String kindOf(ServerWebExchange exchange) {
        for (Rule rule : rules) {
            if (rule.method().equals(exchange.getRequest().getMethod()) && rule.path().matches(exchange.getRequest().getPath().pathWithinApplication())) {
                return rule.kind();
            }
        }
        return null;
    }

    private Bucket bucket(String kind) {
        RateLimitProperties.Limit limit = switch (kind) {
            case "posts" -> properties.posts();
            case "comments" -> properties.comments();
            case "votes" -> properties.votes();
            case "shares" -> properties.shares();
            default -> properties.reports();
        };
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()).build())
                .build();
    }

    private static Rule rule(HttpMethod method, String path, String kind) {
        return new Rule(method, PATHS.parse(path), kind);
    }
}
