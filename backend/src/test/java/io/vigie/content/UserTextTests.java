package io.vigie.content;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Pure unit tests of user text: Markdown, the allow-list, hashtags and mentions. */
class UserTextTests {

    private static final Set<String> FORBIDDEN = Set.of("script", "style", "iframe", "object", "embed", "svg", "math",
            "img", "form", "input", "meta", "link", "base", "frame", "frameset", "video", "audio", "source", "textarea");

    /** A URL's scheme, as a browser reads it: letters first, up to the first colon. */
    private static final java.util.regex.Pattern SCHEME = java.util.regex.Pattern.compile("^([a-z][a-z0-9+.-]*):");

    private final UserText text = new UserText();

    @Test
    void markdownRendersToTheExpectedStructure() {
        String html = text.render("""
                # Title
                Some **bold**, _italic_ and ~~old~~ text with `code`.

                - one
                - two

                > quoted

                | a | b |
                |---|---|
                | 1 | 2 |
                """, Set.of()).html();
        Document dom = Jsoup.parseBodyFragment(html);
        assertThat(dom.select("h3").text()).isEqualTo("Title");
        assertThat(dom.select("strong").text()).isEqualTo("bold");
        assertThat(dom.select("em").text()).isEqualTo("italic");
        assertThat(dom.select("del").text()).isEqualTo("old");
        assertThat(dom.select("code").text()).isEqualTo("code");
        assertThat(dom.select("li")).hasSize(2);
        assertThat(dom.select("blockquote").text()).isEqualTo("quoted");
        assertThat(dom.select("td")).hasSize(2);
    }

    @Test
    void externalLinksOpenApartAndCarryNoReferrer() {
        Element link = Jsoup.parseBodyFragment(text.render("See https://example.org/news", Set.of()).html()).selectFirst("a");
        assertThat(link.attr("href")).isEqualTo("https://example.org/news");
        assertThat(link.attr("target")).isEqualTo("_blank");
        assertThat(link.attr("rel")).contains("nofollow", "noopener", "noreferrer");
    }

    @Test
    void imagesBecomeLinksAndRawHtmlIsShownAsText() {
        String html = text.render("![logo](https://example.org/x.png) <b onclick=\"x()\">hi</b>", Set.of()).html();
        Document dom = Jsoup.parseBodyFragment(html);
        assertThat(dom.select("img")).isEmpty();
        assertThat(dom.select("a").attr("href")).isEqualTo("https://example.org/x.png");
        assertThat(dom.select("b")).isEmpty();
        assertThat(dom.text()).contains("<b onclick=\"x()\">hi</b>");
    }

    @Test
    void hashtagsAreFoundFoldedAndLinkedButNotInCodeOrLinks() {
        UserText.Rendered rendered = text.render(
                "Vive l'#Énergie et le #climat! `#notatag` [#nope](https://x.org/#frag) C# and a#b #x", Set.of());
        assertThat(rendered.hashtags()).containsExactly("energie", "climat");
        Element tag = Jsoup.parseBodyFragment(rendered.html()).selectFirst("a.hashtag");
        assertThat(tag.attr("href")).isEqualTo("/tags/energie");
        assertThat(tag.text()).isEqualTo("#Énergie");
    }

    @Test
    void onlyKnownPeopleBecomeMentionsAndEmailsAreNotMentions() {
        UserText.Rendered rendered = text.render(
                "Thanks @Alice.Martin and @nobody, mail bob@vigie.example, `@code`", Set.of("alice.martin", "bob"));
        assertThat(rendered.mentions()).containsExactly("alice.martin");
        Element mention = Jsoup.parseBodyFragment(rendered.html()).selectFirst("a.mention");
        assertThat(mention.attr("href")).isEqualTo("/people/alice.martin");
        assertThat(Jsoup.parseBodyFragment(rendered.html()).text()).contains("@nobody");
        assertThat(text.mentionCandidates("hi @Bruno.Petit and x@y.z")).containsExactly("bruno.petit");
    }

    @Test
    void plainTextAndExcerptsDropMarkup() {
        assertThat(text.plainText("**Hello**   _world_\n\nagain")).isEqualTo("Hello world again");
        assertThat(text.excerpt("one two three four five", 12)).isEqualTo("one two…");
    }

    @Test
    void noPayloadOfTheXssCorpusSurvivesRendering() throws IOException {
        List<String> payloads = Files.readAllLines(corpus()).stream().filter(line -> !line.isBlank()).toList();
        assertThat(payloads).hasSizeGreaterThan(1000);
        int checked = 0;
        for (String payload : payloads) {
            for (String markdown : List.of(payload, "[click](" + payload + ")", "<" + payload + ">", "![x](" + payload + ")")) {
                assertSafe(markdown, text.render(markdown, Set.of()).html());
                checked++;
            }
        }
        System.out.println("XSS corpus: " + payloads.size() + " payloads, " + checked + " renderings checked");
    }

    private static void assertSafe(String input, String html) {
        Document dom = Jsoup.parseBodyFragment(html);
        for (Element element : dom.body().getAllElements()) {
            assertThat(FORBIDDEN).as("element <%s> from %s", element.tagName(), input).doesNotContain(element.tagName());
            element.attributes().forEach(attribute -> {
                assertThat(attribute.getKey()).as("attribute from %s", input).doesNotStartWith("on").isNotEqualTo("style");
                if (attribute.getKey().equals("href")) {
                    String href = attribute.getValue().strip().toLowerCase();
                    java.util.regex.Matcher scheme = SCHEME.matcher(href);
                    if (scheme.find()) {
                        assertThat(scheme.group(1)).as("scheme of %s from %s", href, input).isIn("http", "https", "mailto");
                    }
                    assertThat(href).as("href from %s", input).doesNotStartWith("//");
                }
            });
        }
    }

    private static Path corpus() {
        Path home = Path.of(System.getProperty("vigie.home", "..")).toAbsolutePath().normalize();
        for (Path dir = home; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/testdata/xss/xss-payload-list.txt");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            Path beside = dir.resolveSibling("shared").resolve("testdata/xss/xss-payload-list.txt");
            if (Files.isRegularFile(beside)) {
                return beside;
            }
        }
        throw new IllegalStateException("the XSS corpus (shared/testdata/xss) is not beside the project");
    }
}
