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
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What people write (CommonMark) turned into what others read: safe HTML where #hashtags link to
 * their feed and @mentions of real people link to their profile. The work is done on the Markdown
 * tree, so code spans, code blocks and links keep their text untouched. Built once and shared:
 * the parser, the renderer and the sanitizer policy are all immutable.
 */
@Component
public class UserText {

    /** The HTML to show, the normalised hashtags and the usernames mentioned, in order of appearance. */
    public record Rendered(String html, List<String> hashtags, List<String> mentions) {}

    /** Links that leave Vigie pass nothing on; web links open apart, mail links as they are. */
    private static final AttributeProvider EXTERNAL_LINKS = (node, tagName, attributes) -> {
        if (node instanceof Link link && SafeHtml.isExternal(link.getDestination())) {
            attributes.put("rel", SafeHtml.EXTERNAL_RELS);
            String destination = link.getDestination().toLowerCase(Locale.ROOT);
            if (destination.startsWith("http://") || destination.startsWith("https://")) {
                attributes.put("target", "_blank");
            }
        }
    };

    private final List<Extension> extensions = List.of(
            AutolinkExtension.create(),
            // "~~old~~" strikes through; "from ~5 to ~10 people" does not.
            StrikethroughExtension.builder().requireTwoTildes(true).build(),
            TablesExtension.create());
    private final Parser parser = Parser.builder().extensions(extensions).build();
    private final HtmlRenderer html = HtmlRenderer.builder()
            .extensions(extensions)
            .escapeHtml(true)           // raw HTML in the Markdown is shown as text, never run
            .sanitizeUrls(true)
            .nodeRendererFactory(TagsAndMentions.TokenLinkRenderer::new)
            .attributeProviderFactory(context -> EXTERNAL_LINKS)
            .build();

    /** The usernames (lower case) this text seems to mention, to look up before rendering. */
    public Set<String> mentionCandidates(String markdown) {
        return TagsAndMentions.mentionCandidates(parser.parse(markdown));
    }

    /**
     * Renders Markdown to sanitised HTML. Only {@code knownUsernames} become mention links; the
     * other names after an "@" stay plain text.
     */
    public Rendered render(String markdown, Set<String> knownUsernames) {
        Node document = parser.parse(markdown);
        document.accept(new Tidying());
        TagsAndMentions.Found found = TagsAndMentions.link(document, knownUsernames);
        return new Rendered(SafeHtml.sanitize(html.render(document)), found.hashtags(), found.mentions());
    }

    /** The words only, for search and notifications: no markup, no URLs, whitespace collapsed. */
    public String plainText(String markdown) {
        return PlainText.of(parser.parse(markdown));
    }

    /** The first words of the plain text, at most {@code maxChars} long with the "…", cut between words. */
    public String excerpt(String markdown, int maxChars) {
        if (maxChars < 1) {
            throw new IllegalArgumentException("an excerpt holds at least one character, not " + maxChars);
        }
        String plain = plainText(markdown);
        if (plain.length() <= maxChars) {
            return plain;
        }
        int room = maxChars - 1;    // the "…" takes one
        if (Character.isLowSurrogate(plain.charAt(room))) {
            room--;                 // never split an emoji in two
        }
        int space = plain.lastIndexOf(' ', room);
        // A first word longer than half the room is cut rather than leaving an excerpt of one short word.
        int cut = space > room / 2 ? space : room;
        return plain.substring(0, cut).strip() + "…";
    }

    /** Shapes the tree before rendering: quieter headings, no images, no links we would not follow. */
    private static final class Tidying extends AbstractVisitor {

        @Override
        public void visit(Heading heading) {
            // Posts do not shout: # and ## become third- and fourth-level headings.
            heading.setLevel(Math.min(6, heading.getLevel() + 2));
            visitChildren(heading);
        }

        @Override
        public void visit(Link link) {
            visitChildren(link);
            if (!SafeHtml.isAllowedHref(link.getDestination())) {
                unwrap(link);   // "[x](javascript:…)" shows "x", linking nowhere
            }
        }

        @Override
        public void visit(Image image) {
            visitChildren(image);
            if (insideLink(image) || !SafeHtml.isAllowedHref(image.getDestination())) {
                unwrap(image);  // its description, as text
                return;
            }
            // No images from anywhere until they go through our proxy: a link to what it showed.
            Link link = new Link(image.getDestination(), image.getTitle());
            moveChildren(image, link);
            image.insertBefore(link);
            image.unlink();
        }

        private static boolean insideLink(Node node) {
            for (Node parent = node.getParent(); parent != null; parent = parent.getParent()) {
                if (parent instanceof Link) {
                    return true;
                }
            }
            return false;
        }

        private static void unwrap(Node node) {
            Node child = node.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                node.insertBefore(child);
                child = next;
            }
            node.unlink();
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
}
