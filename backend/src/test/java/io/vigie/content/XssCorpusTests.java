package io.vigie.content;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every payload of a public XSS list (shared/testdata/xss, see its SOURCE.md), written every way a
 * person could put it in a post, must come out inert. The checks read the HTML as a browser
 * would (jsoup) and hold it to an allow-list of elements and attributes, independent of the code
 * under test.
 */
class XssCorpusTests {

    private static final Set<String> ALLOWED_ELEMENTS = Set.of("body", // jsoup's own wrapping
            "p", "br", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li",
            "h3", "h4", "h5", "h6", "hr", "table", "thead", "tbody", "tr", "th", "td", "a");
    private static final Set<String> FORBIDDEN_ELEMENTS = Set.of("script", "style", "iframe", "object", "embed", "svg",
            "math", "img", "form", "input", "meta", "link", "base");
    private static final Set<String> ALLOWED_ATTRIBUTES = Set.of("href", "title", "class", "target", "rel", "start", "align");

    private static List<String> payloads;

    private final UserText text = new UserText();

    @BeforeAll
    static void readCorpus() throws IOException {
        // Whitespace at either end is part of some payloads: lines are taken as they are.
        // A copy of shared/testdata/xss with its licence and SOURCE.md, so the test needs nothing outside the repository.
        try (var in = XssCorpusTests.class.getClassLoader().getResourceAsStream("testdata/xss/xss-payload-list.txt")) {
            assertThat(in).as("testdata/xss/xss-payload-list.txt on the test classpath").isNotNull();
            payloads = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        assertThat(payloads).as("the corpus is the 6,613-line list described in SOURCE.md").hasSizeGreaterThan(6_000);
    }

    @Test
    void noPayloadSurvivesRenderingWhereverItIsWritten() {
        List<Function<String, String>> placements = List.of(
                payload -> payload,                                          // as prose
                payload -> "[x](" + payload + ")",                           // as a link destination
                payload -> "<" + payload + ">",                              // as an autolink
                payload -> "![x](" + payload + ")",                          // as an image
                payload -> "[x](https://example.org \"" + payload + "\")",   // as a link title
                payload -> "[" + payload + "](https://example.org)",         // as link text
                payload -> "#tag" + payload + " @alice.martin" + payload,    // glued to our own links
                payload -> "| a |\n|---|\n| " + payload + " |",              // in a table
                payload -> "> - **" + payload + "**");                       // nested in blocks
        int renderings = 0;
        for (String payload : payloads) {
            for (Function<String, String> placement : placements) {
                String markdown = placement.apply(payload);
                assertInert(markdown, text.render(markdown, Set.of("alice.martin")).html());
                renderings++;
            }
        }
        System.out.printf("XSS corpus: %,d payloads in %d placements, %,d renderings checked%n",
                payloads.size(), placements.size(), renderings);
    }

    @Test
    void theSanitizerAloneStopsEveryPayloadGivenAsRawHtml() {
        // Markdown escapes raw HTML before the sanitizer sees it; this proves the second line of defence on its own.
        for (String payload : payloads) {
            assertInert(payload, SafeHtml.sanitize(payload));
        }
        System.out.printf("XSS corpus: %,d payloads checked against the sanitizer alone%n", payloads.size());
    }

    @Test
    void thePlainTextOfEveryPayloadIsOneLine() {
        // Notifications and search snippets show plain text on one line; the consumer escapes it.
        for (String payload : payloads) {
            assertThat(text.plainText(payload)).doesNotContain("\n", "\r", "\t");
        }
    }

    @Test
    void theChecksCatchWhatTheyLookFor() {
        // Guards the guard: each of these must fail, or the corpus tests would pass on anything.
        for (String unsafe : List.of("<img src=x>", "<p onclick=x()>p</p>", "<p style=color:red>p</p>",
                "<a href=\"javascript:alert(1)\">a</a>", "<a href=\"//evil.example\">a</a>", "<a href=\"/\\evil.example\">a</a>",
                "<a href=\"relative\">a</a>", "<a href=\" /x\">a</a>", "<a class=\"admin\">a</a>",
                "<a href=\"https://x\" target=\"_blank\">a</a>", "<span>s</span>")) {
            assertThatThrownBy(() -> assertInert("self-check", unsafe)).as(unsafe).isInstanceOf(AssertionError.class);
        }
        assertInert("self-check", "<p><a class=\"hashtag\" href=\"/tags/x\">#x</a> <a href=\"mailto:a@b.c\">m</a></p>");
    }

    /** No element, attribute or URL that could run script survives in {@code html} (rendered from {@code input}). */
    static void assertInert(String input, String html) {
        Document dom = Jsoup.parseBodyFragment(html);
        for (Element element : dom.body().getAllElements()) {
            String name = element.normalName();
            assertThat(FORBIDDEN_ELEMENTS).as("forbidden <%s> from %s%n%s", name, input, html).doesNotContain(name);
            assertThat(ALLOWED_ELEMENTS).as("unexpected <%s> from %s%n%s", name, input, html).contains(name);
            for (Attribute attribute : element.attributes()) {
                String key = attribute.getKey().toLowerCase(Locale.ROOT);
                assertThat(key).as("attribute from %s%n%s", input, html).doesNotStartWith("on").isNotEqualTo("style");
                assertThat(ALLOWED_ATTRIBUTES).as("attribute %s from %s%n%s", key, input, html).contains(key);
                switch (key) {
                    case "href" -> assertSafeHref(attribute.getValue(), input, html);
                    case "class" -> {
                        assertThat(attribute.getValue()).as("class from %s", input).isIn("hashtag", "mention");
                        assertThat(element.attr("href")).as("classed link from %s", input).startsWith("/");
                    }
                    case "target" -> assertThat(attribute.getValue()).as("target from %s", input).isEqualTo("_blank");
                    default -> { }
                }
            }
            if (element.hasAttr("target")) {
                assertThat(element.attr("rel")).as("rel of a new window from %s", input).contains("noopener", "noreferrer");
            }
        }
    }

    /** http(s) or mailto, or a path on our own site: never another scheme, a relative or a protocol-relative URL. */
    private static void assertSafeHref(String href, String input, String html) {
        // Browsers drop control characters anywhere in a URL and spaces around it: "/\t/x" and " //x" lead elsewhere.
        assertThat(href.chars().noneMatch(Character::isISOControl))
                .as("control character in href %s from %s%n%s", href, input, html).isTrue();
        assertThat(href).as("href from %s%n%s", input, html).doesNotStartWith(" ");
        String lower = href.toLowerCase(Locale.ROOT);
        boolean web = lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("mailto:");
        boolean ours = lower.startsWith("/") && !lower.startsWith("//") && !lower.startsWith("/\\");
        if (!web && !ours) {
            fail("href %s from %s%n%s", href, input, html);
        }
    }
}
