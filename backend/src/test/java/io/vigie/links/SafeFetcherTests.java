package io.vigie.links;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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

    private HttpServer server;
    private String base;
    private int port;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        port = server.getAddress().getPort();
        base = "http://127.0.0.1:" + port;
        server.createContext("/page", exchange -> send(exchange, 200, "text/html; charset=utf-8",
                "<html><head><title>Hello</title></head><body>Bonjour</body></html>"));
        server.createContext("/moved", exchange -> redirect(exchange, "/page"));
        server.createContext("/to-metadata", exchange -> redirect(exchange, "http://169.254.169.254/latest/meta-data/"));
        server.createContext("/to-ipv6-loopback", exchange -> redirect(exchange, "http://[::1]:" + port + "/page"));
        server.createContext("/to-decimal-loopback", exchange -> redirect(exchange, "http://2130706433:" + port + "/page"));
        server.createContext("/to-file", exchange -> redirect(exchange, "file:///etc/passwd"));
        server.createContext("/loop", exchange -> redirect(exchange, "/loop"));
        server.createContext("/json", exchange -> send(exchange, 200, "application/json", "{}"));
        server.createContext("/huge", exchange -> send(exchange, 200, "text/html", "<p>" + "x".repeat(300_000) + "</p>"));
        server.createContext("/slow", exchange -> {
            try {
                Thread.sleep(3_000); // the server is slow on purpose; the fetcher must give up first
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(exchange, 200, "text/html", "<p>late</p>");
        });
        server.createContext("/missing", exchange -> send(exchange, 404, "text/html", "gone"));
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()); // a slow page must not hold the others
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
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
            assertThatThrownBy(() -> fetcher.fetch(base + "/slow")).isInstanceOf(WebAddress.Refused.class);
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

    private SafeFetcher fetcher(List<String> allowed, int perMinute) {
        LinkGuard guard = new LinkGuard(new AddressPolicy(allowed), Set.of(port), host -> {
            throw new UnknownHostException(host); // no DNS in these tests: only addresses
        });
        return new SafeFetcher(guard, new SafeFetcher.Limits(5, 200_000, Duration.ofSeconds(2), Duration.ofSeconds(1), perMinute),
                Clock.systemUTC());
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException clientGaveUp) {
            // the fetcher stopped reading (too large, too slow): expected
        }
        exchange.close();
    }
}
