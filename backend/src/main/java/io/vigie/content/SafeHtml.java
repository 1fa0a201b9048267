package io.vigie.content;

import org.owasp.html.AttributePolicy;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The allow-list every piece of user HTML goes through, whatever produced it: text structure,
 * links to http(s), mailto and our own pages, tables. No images (they would load from anywhere),
 * no styles, no scripts, no event handlers.
 */
final class SafeHtml {

    static final String EXTERNAL_RELS = "nofollow noopener noreferrer";

    private static final AttributePolicy ALLOWED_HREF = (element, attribute, value) -> isAllowedHref(value) ? value : null;

    static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li",
                    "h3", "h4", "h5", "h6", "hr", "table", "thead", "tbody", "tr", "th", "td", "a")
            .allowAttributes("start").matching(Pattern.compile("\\d{1,6}")).onElements("ol")
            .allowAttributes("align").matching(Pattern.compile("left|right|center")).onElements("th", "td")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href").matching(ALLOWED_HREF).onElements("a")
            .allowAttributes("title").onElements("a")
            .allowAttributes("class").matching(Pattern.compile("hashtag|mention")).onElements("a")
            .allowAttributes("target").matching(Pattern.compile("_blank")).onElements("a")
            // Set by us on links that leave Vigie; the sanitizer adds "noopener noreferrer" to any target="_blank".
            .allowAttributes("rel").matching(Pattern.compile(EXTERNAL_RELS)).onElements("a")
            .toFactory();

    private SafeHtml() {}

    static String sanitize(String html) {
        return POLICY.sanitize(html);
    }

    /**
     * Whether a link may point there: http, https or mailto, or one of our own pages ("/tags/x").
     * Not protocol-relative ("//elsewhere", "/\elsewhere" for browsers), not relative to the page
     * ("foo", "#x", "?q"), and no control characters, which browsers strip before reading the URL.
     */
    static boolean isAllowedHref(String url) {
        if (url == null || url.isEmpty() || url.chars().anyMatch(Character::isISOControl)) {
            return false;
        }
        if (url.charAt(0) == '/') {
            return url.length() == 1 || (url.charAt(1) != '/' && url.charAt(1) != '\\');
        }
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("mailto:");
    }

    /** Links to our own pages open in place; the others open apart and pass nothing on. */
    static boolean isExternal(String url) {
        return !url.startsWith("/");
    }
}
