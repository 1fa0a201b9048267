package io.vigie.links;

import io.vigie.support.ApiTest;
import io.vigie.support.LocalSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

/** The share dialog's preview, through the API, of a page served on loopback (allowed in tests only). */
class LinkPreviewApiTests extends ApiTest {

    private LocalSite site;
    private String base;

    @BeforeEach
    void serve() {
        site = LocalSite.start()
                .page("/article", """
                        <html lang="en"><head><title>Quarterly energy report</title>
                        <meta property="og:description" content="What the numbers say">
                        <link rel="canonical" href="/article"></head>
                        <body><article><p>Solar grew by a third.</p></article></body></html>""")
                .redirect("/to-metadata", "http://169.254.169.254/latest/meta-data/");
        base = site.url("");
    }

    @AfterEach
    void stop() {
        site.close();
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
