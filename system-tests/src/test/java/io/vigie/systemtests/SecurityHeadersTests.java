package io.vigie.systemtests;

import io.vigie.stack.TestStack;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The headers that protect the UI and the API in a browser: a content security policy that
 * forbids framing, plugins and foreign scripts; no MIME sniffing; a referrer policy; the session
 * cookie out of scripts' reach and other sites' requests; HSTS and Secure cookies once behind TLS.
 * (The browser tests run every page under this policy: a page it broke would fail there.)
 */
class SecurityHeadersTests {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void uiPagesCarryThePolicyAndTheSessionCookieIsProtected() throws Exception {
        HttpResponse<String> page = get(TestStack.settings().uiUrl() + "/", false);
        assertThat(page.statusCode()).isEqualTo(302);   // to the sign-in
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("default-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'self'",
                "form-action 'self' " + TestStack.settings().keycloakUrl());
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(page.headers().firstValue("Permissions-Policy")).hasValueSatisfying(policy -> assertThat(policy).contains("camera=()"));
        assertThat(page.headers().firstValue("Strict-Transport-Security")).as("plain HTTP: no HSTS").isEmpty();
        String cookie = sessionCookie(page.headers().allValues("Set-Cookie"));
        assertThat(cookie).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");

        HttpResponse<String> style = get(TestStack.settings().uiUrl() + "/styles/vigie.css", false);
        assertThat(style.statusCode()).isEqualTo(200);
        assertThat(style.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void behindATlsProxyTheUiAddsHstsAndSecureCookies() throws Exception {
        HttpResponse<String> page = get(TestStack.settings().uiUrl() + "/", true);
        assertThat(page.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age="));
        assertThat(sessionCookie(page.headers().allValues("Set-Cookie"))).contains("Secure", "HttpOnly");
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).startsWith("https://"));
    }

    @Test
    void apiAnswersCarryNoSniffNoFramingAndNoCaching() throws Exception {
        HttpResponse<String> refused = get(TestStack.settings().apiUrl() + "/api/me", false);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(refused.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(refused.headers().firstValue("Cache-Control")).hasValueSatisfying(cache -> assertThat(cache).contains("no-store"));
    }

    private static String sessionCookie(List<String> cookies) {
        return cookies.stream().filter(cookie -> cookie.startsWith("VIGIE_UI_SESSION=")).findFirst().orElseThrow();
    }

    /** A GET from loopback; {@code viaTls} adds what a TLS-terminating proxy in front of Vigie would. */
    private static HttpResponse<String> get(String url, boolean viaTls) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (viaTls) {
            request.header("X-Forwarded-Proto", "https").header("X-Forwarded-Port", "443");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
