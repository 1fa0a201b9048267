package io.vigie.links;

import io.vigie.support.LocalSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fetcher against a real HTTP server on loopback (allowed for these tests only, by an explicit
 * allow-list): pages, redirects to forbidden addresses, loops, types, sizes, timeouts, rate limits.
 */
class SafeFetcherTests {

    private final java.util.concurrent.CountDownLatch testOver = new java.util.concurrent.CountDownLatch(1);
    private LocalSite site;
    private String base;
    private int port;

    @BeforeEach
    void serve() {
        site = LocalSite.start();
        port = site.port();
        base = site.url("");
        site.page("/page", "<html><head><title>Hello</title></head><body>Bonjour</body></html>")
                .redirect("/moved", "/page")
                .redirect("/to-metadata", "http://169.254.169.254/latest/meta-data/")
                .redirect("/to-ipv6-loopback", "http://[::1]:" + port + "/page")
                .redirect("/to-decimal-loopback", "http://2130706433:" + port + "/page")
                .redirect("/to-file", "file:///etc/passwd")
                .redirect("/loop", "/loop")
                .respond("/json", "application/json", "{}")
                .respond("/huge", "text/html", "<p>" + "x".repeat(300_000) + "</p>")
                .handle("/slow", exchange -> {
                    // This page answers only once the test is over: the fetcher must give up first.
                    try {
                        testOver.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    LocalSite.send(exchange, 200, "text/html", "<p>late</p>");
                })
                .handle("/missing", exchange -> LocalSite.send(exchange, 404, "text/html", "gone"));
    }

    @AfterEach
    void stop() {
        testOver.countDown();
        site.close();
    }

    @Test
    void aPageIsFetchedAndRedirectsAreFollowedWithinTheRules() throws Exception {
        try (SafeFetcher fetcher = fetcher(List.of("127.0.0.1/32"), 30)) {
            SafeFetcher.Page page = fetcher.fetch(base + "/moved");
            assertThat(page.url().path()).isEqualTo("/page");
            assertThat(page.redirects()).hasSize(1);
            assertThat(page.charset()).isEqualTo(StandardCharsets.UTF_8);
            assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("<title>Hello</title>");

            for (String refused : List.of("/to-metadata", "/to-ipv6-loopback", "/to-file")) {
                assertThatThrownBy(() -> fetcher.fetch(base + refused)).as(refused).isInstanceOf(WebAddress.Refused.class)
                        .hasMessageContaining("redirect");
            }
            assertThatThrownBy(() -> fetcher.fetch(base + "/loop")).hasMessageContaining("too many redirects");
            assertThatThrownBy(() -> fetcher.fetch(base + "/json")).hasMessageContaining("not a web page");
            assertThatThrownBy(() -> fetcher.fetch(base + "/huge")).hasMessageContaining("larger than");
            assertThatThrownBy(() -> fetcher.fetch(base + "/slow")).isInstanceOf(WebAddress.Refused.class)
                    .hasMessageContaining("timed out");
            assertThatThrownBy(() -> fetcher.fetch(base + "/missing")).hasMessageContaining("404");
        }
    }

    @Test
    void withoutTheAllowListLoopbackIsRefusedWhateverItsSpelling() throws Exception {
        try (SafeFetcher fetcher = fetcher(List.of(), 30)) {
            for (String url : List.of(base + "/page", "http://2130706433:" + port + "/page", "http://0x7f.1:" + port + "/page",
                    "http://[::ffff:127.0.0.1]:" + port + "/page", "http://localhost:" + port + "/page")) {
                assertThatThrownBy(() -> fetcher.fetch(url)).as(url).isInstanceOf(WebAddress.Refused.class);
            }
        }
    }

    @Test
    void aDecimalLoopbackRedirectIsRefusedEvenWhenTheFirstHopIsAllowed() throws Exception {
        // Only 127.0.0.1 itself is allowed here; the redirect spells it another way, which is the same address,
        // so it passes; a second server address would not. The point: the redirect is parsed as a browser would.
        try (SafeFetcher fetcher = fetcher(List.of("127.0.0.1/32"), 30)) {
            assertThat(fetcher.fetch(base + "/to-decimal-loopback").url().host()).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void oneHostGetsALimitedNumberOfRequestsPerMinute() throws Exception {
        try (SafeFetcher fetcher = fetcher(List.of("127.0.0.1/32"), 3)) {
            for (int i = 0; i < 3; i++) {
                fetcher.fetch(base + "/page");
            }
            assertThatThrownBy(() -> fetcher.fetch(base + "/page")).hasMessageContaining("too many requests");
        }
    }

    @Test
    void anAllowedOriginOpensOnePortOnLoopbackAndNothingElse() throws Exception {
        LinkGuard guard = new LinkGuard(new AddressPolicy(List.of()), Set.of(), host -> {
            throw new UnknownHostException(host);
        }, Set.of("http://127.0.0.1:" + port));
        try (SafeFetcher fetcher = new SafeFetcher(guard, SafeFetcher.Limits.standard(), Clock.systemUTC())) {
            assertThat(fetcher.fetch(base + "/moved").url().href()).isEqualTo(base + "/page");
            assertThatThrownBy(() -> fetcher.fetch("http://127.0.0.1:" + (port == 65535 ? 65534 : port + 1) + "/page"))
                    .isInstanceOf(WebAddress.Refused.class);
            assertThatThrownBy(() -> fetcher.fetch(base + "/to-ipv6-loopback")).hasMessageContaining("refused address");
            assertThatThrownBy(() -> fetcher.fetch("http://localhost:" + port + "/page")).isInstanceOf(WebAddress.Refused.class);
        }
        assertThatThrownBy(() -> new LinkGuard(new AddressPolicy(List.of()), Set.of(), host -> null, Set.of("http://localhost:8081")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private SafeFetcher fetcher(List<String> allowed, int perMinute) {
        LinkGuard guard = new LinkGuard(new AddressPolicy(allowed), Set.of(port), host -> {
            throw new UnknownHostException(host); // no DNS in these tests: only addresses
        });
        return new SafeFetcher(guard, new SafeFetcher.Limits(5, 200_000, Duration.ofSeconds(2), Duration.ofSeconds(1), perMinute),
                Clock.systemUTC());
    }
}
