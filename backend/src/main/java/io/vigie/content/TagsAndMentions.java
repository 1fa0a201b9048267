package io.vigie.content;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds #hashtags and @mentions in the prose of a Markdown tree and turns them into links. Prose
 * is the Text nodes outside links: code spans and code blocks are other node types, and the text
 * of a link (an autolinked URL or e-mail address included) stays as written.
 */
final class TagsAndMentions {

    static final int MIN_TAG_LENGTH = 2;
    static final int MAX_TAG_LENGTH = 50;
    /** Longer is not a username anyone has; it is not worth a database look-up. */
    static final int MAX_USERNAME_LENGTH = 100;

    /*
     * A token starts the text or follows a character that cannot end a word, a URL path or an
     * e-mail address: "C#", "a#b", "x/#frag", "bob@vigie.example" and "&#35;" hold no token.
     * The word is taken whole, so an over-long tag is no tag rather than a truncated one.
     */
    private static final Pattern TOKEN = Pattern.compile(
            "(?<![\\p{L}\\p{M}\\p{N}_&#@./])(?:#([\\p{L}\\p{M}\\p{N}_-]+)|@([\\p{L}\\p{M}\\p{N}._-]+))");

    /** The hashtags (normalised) and the usernames (lower case) linked, in order of appearance. */
    record Found(List<String> hashtags, List<String> mentions) {}

    private TagsAndMentions() {}

    /** The usernames the prose seems to mention, lower case, to look up before linking. */
    static Set<String> mentionCandidates(Node document) {
        Set<String> names = new LinkedHashSet<>();
        for (Text text : proseOf(document)) {
            Matcher matcher = TOKEN.matcher(text.getLiteral());
            while (matcher.find()) {
                String username = matcher.group(2) == null ? null : username(matcher.group(2));
                if (username != null) {
                    names.add(username.toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }

    /** Replaces each hashtag, and each mention of a known username, by a link. Other @words stay text. */
    static Found link(Node document, Set<String> knownUsernames) {
        Set<String> known = knownUsernames.stream().map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Set<String> hashtags = new LinkedHashSet<>();
        Set<String> mentions = new LinkedHashSet<>();
        for (Text text : proseOf(document)) {
            String literal = text.getLiteral();
            Matcher matcher = TOKEN.matcher(literal);
            List<Node> pieces = new ArrayList<>();
            int written = 0;
            while (matcher.find()) {
                String word = matcher.group(1) != null ? hashtag(matcher.group(1)) : username(matcher.group(2));
                if (word == null) {
                    continue;
                }
                TokenLink link;
                if (matcher.group(1) != null) {
                    String tag = Hashtags.normalise(word);
                    hashtags.add(tag);
                    link = new TokenLink("hashtag", "/tags/" + tag, "#" + word);
                } else if (known.contains(word.toLowerCase(Locale.ROOT))) {
                    String username = word.toLowerCase(Locale.ROOT);
                    mentions.add(username);
                    link = new TokenLink("mention", "/people/" + username, "@" + word);
                } else {
                    continue;
                }
                if (matcher.start() > written) {
                    pieces.add(new Text(literal.substring(written, matcher.start())));
                }
                pieces.add(link);
                // The word may be shorter than the match: "#tag-" links "#tag" and leaves the hyphen.
                written = matcher.start() + 1 + word.length();
            }
            if (!pieces.isEmpty()) {
                if (written < literal.length()) {
                    pieces.add(new Text(literal.substring(written)));
                }
                pieces.forEach(text::insertBefore);
                text.unlink();
            }
        }
        return new Found(List.copyOf(hashtags), List.copyOf(mentions));
    }

    /** The tag as written, or null: it starts with a letter, and trailing hyphens are punctuation. */
    private static String hashtag(String word) {
        String tag = stripTrailing(word, "-");
        int length = tag.codePointCount(0, tag.length());
        if (length < MIN_TAG_LENGTH || length > MAX_TAG_LENGTH || !Character.isLetter(tag.codePointAt(0))) {
            return null;
        }
        return tag;
    }

    /** The username as written, or null: "@alice.martin." ends a sentence, the dot is not hers. */
    private static String username(String word) {
        String name = stripTrailing(word, ".-");
        if (name.isEmpty() || name.length() > MAX_USERNAME_LENGTH || !Character.isLetterOrDigit(name.codePointAt(0))) {
            return null;
        }
        return name;
    }

    private static String stripTrailing(String word, String characters) {
        int end = word.length();
        while (end > 0 && characters.indexOf(word.charAt(end - 1)) >= 0) {
            end--;
        }
        return word.substring(0, end);
    }

    private static List<Text> proseOf(Node document) {
        List<Text> texts = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                // The text of a link stays as written.
            }

            @Override
            public void visit(CustomNode node) {
                if (!(node instanceof TokenLink)) {
                    visitChildren(node);
                }
            }

            @Override
            public void visit(Text text) {
                texts.add(text);
            }
        });
        return texts;
    }

    /** A link we made, to a tag's feed or a person's profile; only these carry our classes. */
    static final class TokenLink extends CustomNode {

        final String cssClass;
        final String destination;
        final String label;

        TokenLink(String cssClass, String destination, String label) {
            this.cssClass = cssClass;
            this.destination = destination;
            this.label = label;
        }
    }

    static final class TokenLinkRenderer implements NodeRenderer {

        private final HtmlNodeRendererContext context;

        TokenLinkRenderer(HtmlNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(TokenLink.class);
        }

        @Override
        public void render(Node node) {
            TokenLink link = (TokenLink) node;
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("class", link.cssClass);
            attributes.put("href", context.encodeUrl(link.destination));
            context.getWriter().tag("a", attributes);
            context.getWriter().text(link.label);
            context.getWriter().tag("/a");
        }
    }
}
