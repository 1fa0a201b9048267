package io.vigie.content;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Markdown to safe HTML: what renders, and which links survive. */
class UserTextTests {

    private final UserText text = new UserText();

    private Document render(String markdown) {
        return Jsoup.parseBodyFragment(text.render(markdown, Set.of()).html());
    }

    @Test
    void markdownRendersToTheExpectedStructure() {
        Document dom = render("""
                Some **bold**, _italic_ and ~~old~~ text with `code`,\\
                and a hard break.

                - one
                - two

                3. three
                4. four

                > quoted

                ---

                ```java
                var x = 1;
                ```

                | a | b |
                |:--|--:|
                | 1 | 2 |
                """);
        assertThat(dom.select("p > strong").text()).isEqualTo("bold");
        assertThat(dom.select("p > em").text()).isEqualTo("italic");
        assertThat(dom.select("p > del").text()).isEqualTo("old");
        assertThat(dom.select("p > code").text()).isEqualTo("code");
        assertThat(dom.select("p > br")).hasSize(1);
        assertThat(dom.select("ul > li")).hasSize(2);
        assertThat(dom.select("ol").attr("start")).isEqualTo("3");
        assertThat(dom.select("blockquote").text()).isEqualTo("quoted");
        assertThat(dom.select("hr")).hasSize(1);
        assertThat(dom.select("pre > code").text()).isEqualTo("var x = 1;");
        assertThat(dom.select("thead th")).extracting(Element::text).containsExactly("a", "b");
        assertThat(dom.select("tbody td")).extracting(element -> element.attr("align")).containsExactly("left", "right");
    }

    @Test
    void codeBlocksKeepTheirTextButLoseTheLanguageClass() {
        Element code = render("```html\n<script>alert(1)</script>\n```").selectFirst("pre > code");
        assertThat(code.text()).isEqualTo("<script>alert(1)</script>");
        assertThat(code.attributes().size()).isZero();
    }

    @Test
    void headingsAreTwoLevelsQuieterSoPostsDoNotShout() {
        Document dom = render("# one\n## two\n### three\n#### four\n###### six");
        assertThat(dom.select("h1, h2")).isEmpty();
        assertThat(dom.select("h3, h4, h5, h6")).extracting(Element::tagName)
                .containsExactly("h3", "h4", "h5", "h6", "h6");
    }

    @Test
    void singleTildesDoNotStrikeThrough() {
        Document dom = render("from ~5 to ~10 people, ~~not 20~~");
        assertThat(dom.select("del")).extracting(Element::text).containsExactly("not 20");
    }

    @Test
    void externalLinksOpenApartAndCarryNoReferrer() {
        Document dom = render("See https://example.org/news, www.example.com and [the blog](https://blog.example.org \"Blog\")");
        assertThat(dom.select("a")).extracting(link -> link.attr("href"))
                .containsExactly("https://example.org/news", "http://www.example.com", "https://blog.example.org");
        for (Element link : dom.select("a")) {
            assertThat(link.attr("target")).isEqualTo("_blank");
            assertThat(link.attr("rel").split(" ")).containsExactlyInAnyOrder("nofollow", "noopener", "noreferrer");
        }
        assertThat(dom.select("a").last().attr("title")).isEqualTo("Blog");
    }

    @Test
    void linksToOurOwnPagesOpenInPlace() {
        Element link = render("[the R&D space](/spaces/rd)").selectFirst("a");
        assertThat(link.attr("href")).isEqualTo("/spaces/rd");
        assertThat(link.hasAttr("target")).isFalse();
        assertThat(link.hasAttr("rel")).isFalse();
    }

    @Test
    void mailLinksPassNothingOnButDoNotOpenAWindow() {
        Element link = render("write to hr@vigie.example").selectFirst("a");
        assertThat(link.attr("href")).isEqualTo("mailto:hr@vigie.example");
        assertThat(link.hasAttr("target")).isFalse();
        assertThat(link.attr("rel")).contains("noreferrer");
    }

    @Test
    void linksWeWouldNotFollowKeepTheirTextButLoseTheLink() {
        for (String destination : List.of("javascript:alert(1)", "JaVaScRiPt:alert(1)", "java&#x09;script:alert(1)",
                "vbscript:msgbox(1)", "data:text/html,<b>x</b>", "file:///etc/passwd", "//evil.example",
                "/\\evil.example", "<\t//evil.example>", "relative/page", "#fragment", "?q=1", "")) {
            Document dom = render("[click me](" + destination + ")");
            assertThat(dom.select("a")).as(destination).isEmpty();
            assertThat(dom.text()).as(destination).isEqualTo("click me");
        }
    }

    @Test
    void imagesBecomeLinksToWhatTheyShowed() {
        Document dom = render("![the logo](https://example.org/x.png \"Logo\")");
        assertThat(dom.select("img")).isEmpty();
        Element link = dom.selectFirst("a");
        assertThat(link.attr("href")).isEqualTo("https://example.org/x.png");
        assertThat(link.text()).isEqualTo("the logo");
        assertThat(link.attr("title")).isEqualTo("Logo");
    }

    @Test
    void anImageInsideALinkBecomesItsDescription() {
        Document dom = render("[![the logo](https://example.org/x.png)](https://example.org/)");
        assertThat(dom.select("a")).singleElement()
                .satisfies(link -> assertThat(link.attr("href")).isEqualTo("https://example.org/"))
                .satisfies(link -> assertThat(link.text()).isEqualTo("the logo"));
    }

    @Test
    void rawHtmlIsShownAsTextNeverRun() {
        Document dom = render("<b onclick=\"x()\">hi</b>\n\n<div style=\"color:red\">block</div>");
        assertThat(dom.select("b, div")).isEmpty();
        assertThat(dom.text()).contains("<b onclick=\"x()\">hi</b>", "<div style=\"color:red\">block</div>");
    }

    @Test
    void scriptTagsNeverSurviveRendering() {
        Document dom = render("<script>alert(1)</script>\n\ntext <script src=//evil.example/x.js></script>");
        assertThat(dom.select("script")).isEmpty();
        assertThat(dom.text()).contains("<script>alert(1)</script>");
    }

    @Test
    void handWrittenLinksToTagsOrPeopleDoNotPassForHashtagsOrMentions() {
        Document dom = render("[@ceo](/people/alice.martin) [#official](/tags/official)");
        assertThat(dom.select("a")).hasSize(2).allSatisfy(link -> assertThat(link.hasAttr("class")).isFalse());
    }

    @Test
    void oneRendererServesManyThreadsAtOnce() throws Exception {
        String markdown = "# Hello @alice.martin\n\n**#Énergie** https://example.org `code` ![x](https://i.example/x.png)";
        String expected = text.render(markdown, Set.of("alice.martin")).html();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<String>> results = IntStream.range(0, 200)
                    .mapToObj(i -> pool.submit(() -> text.render(markdown, Set.of("alice.martin")).html()))
                    .toList();
            for (Future<String> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        }
    }
}
