package io.vigie.content;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What people write (CommonMark) turned into what others read: safe HTML where #hashtags link to
 * their feed and @mentions of real people link to their profile. The work is done on the Markdown
 * tree, so code spans, code blocks and links keep their text untouched.
 */
@Component
public class UserText {

    /** The HTML to show, the normalised hashtags and the usernames mentioned, in order of appearance. */
    public record Rendered(String html, List<String> hashtags, List<String> mentions) {}

    // A tag starts with a letter and follows a space or the start: "C#" and "a#b" are not tags.
    private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_&#/])#(\\p{L}[\\p{L}\\p{N}_-]{1,49})");
    // Not in e-mail addresses: no letter, digit or dot right before the @.
    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_.@/])@([A-Za-z0-9](?:[A-Za-z0-9._-]{0,62}[A-Za-z0-9])?)");
    private static final Pattern TOKEN = Pattern.compile(HASHTAG.pattern() + "|" + MENTION.pattern());

    private final List<Extension> extensions = List.of(AutolinkExtension.create(), StrikethroughExtension.create(),
            TablesExtension.create());
    private final Parser parser = Parser.builder().extensions(extensions).build();
    private final HtmlRenderer html = HtmlRenderer.builder()
            .extensions(extensions)
            .escapeHtml(true)           // raw HTML in the Markdown is shown as text, never run
            .sanitizeUrls(true)
            .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                if (node instanceof Link link) {
                    String destination = link.getDestination();
                    if (destination.startsWith("/tags/")) {
                        attributes.put("class", "hashtag");
                    } else if (destination.startsWith("/people/")) {
                        attributes.put("class", "mention");
                    } else {
                        attributes.put("target", "_blank");
                    }
                }
            })
            .build();
    private final TextContentRenderer text = TextContentRenderer.builder().extensions(extensions).build();

    /** The usernames this text seems to mention, to look up before rendering. */
    public Set<String> mentionCandidates(String markdown) {
        Set<String> names = new LinkedHashSet<>();
        forEachText(parser.parse(markdown), node -> {
            Matcher matcher = MENTION.matcher(node.getLiteral());
            while (matcher.find()) {
                names.add(matcher.group(1).toLowerCase(Locale.ROOT));
            }
        });
        return names;
    }

    /**
     * Renders Markdown to sanitised HTML. Only {@code knownUsernames} (lower case) become mention
     * links; other @words stay plain text.
     */
    public Rendered render(String markdown, Set<String> knownUsernames) {
        Node document = parser.parse(markdown);
        Set<String> hashtags = new LinkedHashSet<>();
        Set<String> mentions = new LinkedHashSet<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                // Posts do not shout: # and ## become third- and fourth-level headings.
                heading.setLevel(Math.min(6, heading.getLevel() + 2));
                visitChildren(heading);
            }

            @Override
            public void visit(Image image) {
                // No images from anywhere: they become links to what they pointed at.
                Link link = new Link(image.getDestination(), image.getTitle());
                moveChildren(image, link);
                image.insertBefore(link);
                image.unlink();
                visitChildren(link);
            }
        });
        forEachText(document, node -> linkTokens(node, knownUsernames, hashtags, mentions));
        String rendered = SafeHtml.sanitize(html.render(document));
        return new Rendered(rendered, List.copyOf(hashtags), List.copyOf(mentions));
    }

    /** The words only, for search and excerpts. */
    public String plainText(String markdown) {
        return text.render(parser.parse(markdown)).replaceAll("\\s+", " ").strip();
    }

    /** The first words, cut on a word boundary. */
    public String excerpt(String markdown, int maxChars) {
        String plain = plainText(markdown);
        if (plain.length() <= maxChars) {
            return plain;
        }
        int cut = plain.lastIndexOf(' ', maxChars - 1);
        return plain.substring(0, cut > maxChars / 2 ? cut : maxChars - 1).strip() + "…";
    }

    private static void linkTokens(Text node, Set<String> known, Set<String> hashtags, Set<String> mentions) {
        String literal = node.getLiteral();
        Matcher matcher = TOKEN.matcher(literal);
        int last = 0;
        List<Node> pieces = new ArrayList<>();
        while (matcher.find()) {
            String tag = matcher.group(1);
            String username = matcher.group(2);
            Node link;
            if (tag != null) {
                String normalised = Hashtags.normalise(tag);
                hashtags.add(normalised);
                link = linkTo("/tags/" + normalised, "#" + tag);
            } else if (known.contains(username.toLowerCase(Locale.ROOT))) {
                String lower = username.toLowerCase(Locale.ROOT);
                mentions.add(lower);
                link = linkTo("/people/" + lower, "@" + username);
            } else {
                continue;
            }
            if (matcher.start() > last) {
                pieces.add(new Text(literal.substring(last, matcher.start())));
            }
            pieces.add(link);
            last = matcher.end();
        }
        if (pieces.isEmpty()) {
            return;
        }
        if (last < literal.length()) {
            pieces.add(new Text(literal.substring(last)));
        }
        pieces.forEach(node::insertBefore);
        node.unlink();
    }

    private static Link linkTo(String destination, String label) {
        Link link = new Link(destination, null);
        link.appendChild(new Text(label));
        return link;
    }

    /** Visits the text that people wrote as prose: not code, and not the text of links. */
    private static void forEachText(Node document, java.util.function.Consumer<Text> action) {
        List<Text> texts = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                // Link text stays as written.
            }

            @Override
            public void visit(Text text) {
                texts.add(text);
            }
        });
        texts.forEach(action);
    }

    private static void moveChildren(Node from, Node to) {
        Node child = from.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            to.appendChild(child);
            child = next;
        }
    }
}
