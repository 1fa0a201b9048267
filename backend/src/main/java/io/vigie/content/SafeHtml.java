package io.vigie.content;

import org.owasp.html.AttributePolicy;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import java.util.regex.Pattern;

/**
 * The allow-list every piece of user HTML goes through, whatever produced it: text structure,
 * links to http(s), mailto and our own pages, tables. No images (they would load from anywhere),
 * no styles, no scripts, no event handlers.
 */
final class SafeHtml {

    /** Relative links must be ours ("/tags/x"), not protocol-relative ("//elsewhere"). */
    private static final AttributePolicy NO_PROTOCOL_RELATIVE = (element, attribute, value) ->
            value.startsWith("//") || value.startsWith("\\\\") || value.startsWith("/\\") ? null : value;

    static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li",
                    "h3", "h4", "h5", "h6", "hr", "table", "thead", "tbody", "tr", "th", "td", "a")
            .allowAttributes("start").matching(Pattern.compile("\\d{1,6}")).onElements("ol")
            .allowAttributes("align").matching(Pattern.compile("left|right|center")).onElements("th", "td")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href").matching(NO_PROTOCOL_RELATIVE).onElements("a")
            .allowAttributes("title").onElements("a")
            .allowAttributes("class").matching(Pattern.compile("hashtag|mention")).onElements("a")
            .allowAttributes("target").matching(Pattern.compile("_blank")).onElements("a")
            .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
            .toFactory();

    private SafeHtml() {}

    static String sanitize(String html) {
        return POLICY.sanitize(html);
    }
}
