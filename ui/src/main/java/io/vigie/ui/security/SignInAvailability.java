package io.vigie.ui.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Before sending a browser to Keycloak's sign-in page, checks that Keycloak answers. When it does
 * not, the person gets Vigie's own page saying so (503), in their language, instead of the
 * browser's "cannot connect" error on another host. People already signed in are not affected:
 * their tokens keep working until they expire. The answer is remembered for a few seconds, so a
 * crowd arriving at once costs one probe.
 */
@Configuration
class SignInAvailability {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REMEMBERED = Duration.ofSeconds(5);

    private record Probe(boolean up, Instant at) {}

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> signInAvailabilityFilter(
            @Value("${spring.security.oauth2.client.provider.keycloak.issuer-uri}") String issuer) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
        URI wellKnown = URI.create(issuer + "/.well-known/openid-configuration");
        AtomicReference<Probe> last = new AtomicReference<>(new Probe(true, Instant.EPOCH));
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Probe probe = last.get();
                if (probe.at().plus(REMEMBERED).isBefore(Instant.now())) {
                    probe = new Probe(answers(http, wellKnown), Instant.now());
                    last.set(probe);
                }
                if (probe.up()) {
                    chain.doFilter(request, response);
                } else {
                    unavailable(request, response);
                }
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/oauth2/authorization/*");
        // Before Spring Security, which would redirect to Keycloak straight away.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    private static boolean answers(HttpClient http, URI wellKnown) {
        try {
            return http.send(HttpRequest.newBuilder(wellKnown).timeout(PROBE_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean french = request.getLocale() != null && request.getLocale().getLanguage().equals(Locale.FRENCH.getLanguage());
        String title = french ? "Connexion momentanément indisponible" : "Sign-in is unavailable for a moment";
        String text = french
                ? "Vigie ne joint pas son service de connexion (Keycloak). Les personnes déjà connectées continuent de travailler. Réessayez dans une minute."
                : "Vigie cannot reach its sign-in service (Keycloak). People already signed in keep working. Try again in a minute.";
        String again = french ? "Réessayer" : "Try again";
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "60");
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write(("""
                <!doctype html><html lang="%s"><head><meta charset="utf-8"><title>Vigie · %s</title>
                <meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="/styles/vigie.css"></head>
                <body class="vigie-unavailable"><main><h1>%s</h1><p id="sign-in-unavailable">%s</p><p><a href="/">%s</a></p></main></body></html>
                """.formatted(french ? "fr" : "en", escape(title), escape(title), escape(text), escape(again)))
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Markup characters only: the page is UTF-8, so accents stay as they are. */
    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
    }
}
