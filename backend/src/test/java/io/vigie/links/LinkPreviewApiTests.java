package io.vigie.links;

import com.sun.net.httpserver.HttpServer;
import io.vigie.support.ApiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The share dialog's preview, through the API, of a page served on loopback (allowed in tests only). */
class LinkPreviewApiTests extends ApiTest {

    private HttpServer server;
    private String base;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/article", exchange -> {
            byte[] page = """
                    <html lang="en"><head><title>Quarterly energy report</title>
                    <meta property="og:description" content="What the numbers say">
                    <link rel="canonical" href="/article"></head>
                    <body><article><p>Solar grew by a third.</p></article></body></html>""".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        server.createContext("/to-metadata", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aPageIsPreviewedUnderItsCanonicalUrl() {
        as("alice.martin").signedIn().post("/api/links/preview", Map.of("url", base + "/article?utm_source=mail#intro"))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.url").isEqualTo(base + "/article")
                .jsonPath("$.title").isEqualTo("Quarterly energy report")
                .jsonPath("$.description").isEqualTo("What the numbers say")
                .jsonPath("$.language").isEqualTo("en")
                .jsonPath("$.excerpt").isEqualTo("Solar grew by a third.");
    }

    @Test
    void forbiddenAndMalformedLinksGetAClearFieldError() {
        Caller alice = as("alice.martin").signedIn();
        alice.post("/api/links/preview", Map.of("url", base + "/to-metadata")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("url")
                .jsonPath("$.errors[0].message").value(message -> org.assertj.core.api.Assertions.assertThat((String) message)
                        .contains("redirect"));
        alice.post("/api/links/preview", Map.of("url", "http://169.254.169.254/latest/meta-data/")).expectStatus().isBadRequest();
        alice.post("/api/links/preview", Map.of("url", "file:///etc/passwd")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("url");
        alice.post("/api/links/preview", Map.of("url", "")).expectStatus().isBadRequest();
        api.post().uri("/api/links/preview").bodyValue(Map.of("url", base + "/article")).exchange().expectStatus().isUnauthorized();
    }
}
