package io.vigie.links;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a shared page says about itself, from OpenGraph, Twitter cards and plain HTML meta, in
 * that order of trust, plus a readable excerpt for search. Everything is plain text (jsoup's
 * text and attribute values); the UI escapes it like any text.
 *
 * @param canonical the page's own canonical URL, only when it is on the same origin (a page may
 *                  not claim to be another site's article); null otherwise
 */
public record PagePreview(WebAddress url, WebAddress canonical, String title, String description, String image,
                          String siteName, Instant publishedAt, String language, String excerpt) {

    static final int MAX_EXCERPT = 2_000;
    static final int MAX_FIELD = 500;

    public static PagePreview of(SafeFetcher.Page page) {
        Document html;
        try {
            html = Jsoup.parse(new ByteArrayInputStream(page.body()), page.charset() == null ? null : page.charset().name(),
                    page.url().href());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return of(page.url(), html);
    }

    static PagePreview of(WebAddress url, Document html) {
        String title = first(meta(html, "og:title"), meta(html, "twitter:title"), Optional.of(html.title()),
                Optional.ofNullable(html.selectFirst("h1")).map(Element::text));
        String description = first(meta(html, "og:description"), meta(html, "twitter:description"), meta(html, "description"));
        String image = Stream.of(meta(html, "og:image"), meta(html, "og:image:url"), meta(html, "twitter:image"))
                .flatMap(Optional::stream)
                .map(src -> absolute(url, src))
                .flatMap(Optional::stream)
                .findFirst().orElse(null);
        String siteName = first(meta(html, "og:site_name"), Optional.of(url.host()));
        Instant published = Stream.of(meta(html, "article:published_time"), meta(html, "date"), meta(html, "dc.date"),
                        meta(html, "pubdate"), Optional.ofNullable(html.selectFirst("time[datetime]")).map(t -> t.attr("datetime")))
                .flatMap(Optional::stream)
                .map(PagePreview::instant)
                .flatMap(Optional::stream)
                .findFirst().orElse(null);
        String language = Stream.of(Optional.of(html.select("html").attr("lang")), meta(html, "og:locale"),
                        Optional.ofNullable(html.selectFirst("meta[http-equiv=content-language]")).map(m -> m.attr("content")))
                .flatMap(Optional::stream)
                .map(PagePreview::languageCode)
                .flatMap(Optional::stream)
                .findFirst().orElse(null);
        WebAddress canonical = Stream.of(Optional.ofNullable(html.selectFirst("link[rel=canonical]")).map(l -> l.attr("href")),
                        meta(html, "og:url"))
                .flatMap(Optional::stream)
                .map(href -> absolute(url, href))
                .flatMap(Optional::stream)
                .map(href -> {
                    try {
                        return Optional.of(WebAddress.parse(href));
                    } catch (WebAddress.Refused e) {
                        return Optional.<WebAddress>empty();
                    }
                })
                .flatMap(Optional::stream)
                .filter(url::sameOrigin)
                .findFirst().orElse(null);
        return new PagePreview(url, canonical, clip(title, MAX_FIELD), clip(description, MAX_FIELD * 2), image,
                clip(siteName, 200), published, language, clip(excerpt(html), MAX_EXCERPT));
    }

    /** The readable text: the article or main element if there is one, without navigation and scripts. */
    static String excerpt(Document html) {
        Document copy = html.clone();
        copy.select("script, style, noscript, nav, header, footer, aside, form, iframe, svg").remove();
        Element content = Optional.ofNullable(copy.selectFirst("article"))
                .or(() -> Optional.ofNullable(copy.selectFirst("main")))
                .orElse(copy.body());
        return content == null ? "" : content.text();
    }

    private static Optional<String> meta(Document html, String name) {
        Element element = html.selectFirst("meta[property=" + name + "], meta[name=" + name + "]");
        return element == null ? Optional.empty() : Optional.of(element.attr("content")).filter(v -> !v.isBlank());
    }

    @SafeVarargs
    private static String first(Optional<String>... candidates) {
        for (Optional<String> candidate : candidates) {
            if (candidate.isPresent() && !candidate.get().isBlank()) {
                return candidate.get().strip();
            }
        }
        return null;
    }

    /** A link of the page made absolute; only http(s) survives. */
    private static Optional<String> absolute(WebAddress page, String href) {
        try {
            String resolved = java.net.URI.create(page.href()).resolve(href.strip().replace(" ", "%20")).toString();
            return Optional.of(WebAddress.parse(resolved).href());
        } catch (IllegalArgumentException | WebAddress.Refused e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> instant(String text) {
        String value = text.strip();
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException notOffset) {
            try {
                return Optional.of(Instant.parse(value));
            } catch (DateTimeParseException notInstant) {
                try {
                    return Optional.of(LocalDate.parse(value.length() >= 10 ? value.substring(0, 10) : value)
                            .atStartOfDay(ZoneOffset.UTC).toInstant());
                } catch (DateTimeParseException notDate) {
                    return Optional.empty();
                }
            }
        }
    }

    private static Optional<String> languageCode(String text) {
        String code = text.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
        return code.matches("[a-z]{2,3}") ? Optional.of(code) : Optional.empty();
    }

    private static String clip(String text, int max) {
        if (text == null) {
            return null;
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }
}
