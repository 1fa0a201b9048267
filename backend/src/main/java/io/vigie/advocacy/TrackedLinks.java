package io.vigie.advocacy;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The public end of a tracked link: no sign-in, since whoever clicks it is outside the company.
 * It only ever redirects to the target stored with the item (nothing in the request can change
 * where it leads), counts the click, and limits each IP address to a number of requests a minute.
 */
@RestController
class TrackedLinks {

    private static final Logger log = LoggerFactory.getLogger(TrackedLinks.class);
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9]{" + Advocacy.CODE_LENGTH + "}");
    /** Link previews (the network fetching the page to show a card) are not people clicking. */
    private static final Pattern PREVIEW = Pattern.compile("bot|crawler|spider|preview|facebookexternalhit|embedly|slurp");
    /** Past this many addresses the buckets start over: memory stays bounded whatever the traffic. */
    private static final int MAX_TRACKED_ADDRESSES = 100_000;

    private final Advocacy advocacy;
    private final Visitors visitors;
    private final AdvocacyProperties properties;
    private final Map<InetAddress, Bucket> buckets = new ConcurrentHashMap<>();

    TrackedLinks(Advocacy advocacy, Visitors visitors, AdvocacyProperties properties) {
        this.advocacy = advocacy;
        this.visitors = visitors;
        this.properties = properties;
    }

    @GetMapping("/go/{code}")
    Mono<ResponseEntity<String>> follow(@PathVariable String code, ServerHttpRequest request) {
        InetAddress visitor = addressOf(request);
        if (!allowed(visitor)) {
            return Mono.just(page(HttpStatus.TOO_MANY_REQUESTS, "Too many requests from your address: try again in a minute.",
                    HttpHeaders.RETRY_AFTER, "60"));
        }
        if (!CODE.matcher(code).matches()) {
            return Mono.just(notFound());
        }
        return advocacy.destination(code)
                .flatMap(destination -> {
                    if (!destination.live()) {
                        return Mono.just(page(HttpStatus.GONE, "This shared link was withdrawn by the company that shared it."));
                    }
                    Mono<Boolean> counted = preview(request) ? Mono.just(false)
                            : visitors.click(destination.code(), visitor).onErrorResume(e -> {
                                // The visitor still gets where they were going; the click is lost, and said so.
                                log.warn("advocacy: a click on {} was not counted: {}", destination.code(), e.toString());
                                return Mono.just(false);
                            });
                    return counted.thenReturn(ResponseEntity.status(HttpStatus.FOUND)
                            .location(destination.tracked())
                            // Every click reaches us (no cached redirect), and the target learns nothing of this address.
                            .cacheControl(CacheControl.noStore())
                            .header("Referrer-Policy", "no-referrer")
                            .<String>build());
                })
                .defaultIfEmpty(notFound());
    }

    /** Forgets every address's bucket (tests that exhaust the limit clean up after themselves). */
    void forgetLimits() {
        buckets.clear();
    }

    private boolean allowed(InetAddress visitor) {
        if (buckets.size() > MAX_TRACKED_ADDRESSES) {
            buckets.clear();
        }
        int perMinute = Math.max(1, properties.clicksPerMinute());
        Bucket bucket = buckets.computeIfAbsent(visitor, key -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
        return bucket.tryConsume(1);
    }

    /**
     * The connection's address. Behind a reverse proxy, turn on Spring's forwarded-header support
     * ({@code server.forward-headers-strategy}) so this is the visitor's; a raw X-Forwarded-For is
     * never read, since anyone can write one.
     */
    private static InetAddress addressOf(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? InetAddress.getLoopbackAddress() : remote.getAddress();
    }

    /** A HEAD request (a link checker) or a crawler's user agent: redirected, not counted. */
    private static boolean preview(ServerHttpRequest request) {
        if (HttpMethod.HEAD.equals(request.getMethod())) {
            return true;
        }
        String agent = request.getHeaders().getFirst(HttpHeaders.USER_AGENT);
        return agent != null && PREVIEW.matcher(agent.toLowerCase(Locale.ROOT)).find();
    }

    private static ResponseEntity<String> notFound() {
        return page(HttpStatus.NOT_FOUND, "This link does not exist. Check that it was copied whole.");
    }

    /** A small page for people (the visitor is in a browser, not an API client). */
    private static ResponseEntity<String> page(HttpStatus status, String message, String... headers) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore());
        for (int i = 0; i + 1 < headers.length; i += 2) {
            response.header(headers[i], headers[i + 1]);
        }
        return response.body("<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Vigie</title><p>" + message + "</p></html>");
    }
}
