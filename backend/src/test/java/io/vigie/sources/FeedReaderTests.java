package io.vigie.sources;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every feed of the corpus (testdata/feeds, from feedjira and feedparser, see SOURCE.md) is
 * read, or refused with a clear reason; nothing throws, nothing keeps markup.
 */
class FeedReaderTests {

    private static final List<String> FEEDS = List.of(
            "feedjira/TechCrunch.xml", "feedjira/HuffPostCanada.xml", "feedjira/TenderLovemaking.xml",
            "feedjira/AmazonWebServicesBlog.xml", "feedjira/youtube_atom.xml", "feedjira/InvalidDateFormat.xml",
            "feedjira/DuplicateContentAtomFeed.xml", "feedparser/illformed/rss_incomplete_cdata.xml",
            "feedparser/illformed/rss_item_link_corrupted_ampersands.xml", "feedparser/illformed/undeclared_namespace.xml",
            "feedparser/illformed/http_high_bit_date.xml", "feedparser/wellformed/atom10/entry_title_escaped_markup.xml",
            "feedparser/wellformed/sanitize/entry_title_script_cdata.xml", "feedparser/encoding/demoronize-1.xml");

    @Test
    void everyFeedIsReadOrRefusedWithAReason() throws IOException {
        Map<String, FeedReader.Result> results = new LinkedHashMap<>();
        for (String feed : FEEDS) {
            results.put(feed, FeedReader.read(bytes(feed)));
        }
        results.forEach((feed, result) -> {
            if (result.ok()) {
                assertThat(result.items()).as(feed).allSatisfy(item -> {
                    assertThat(item.link()).startsWith("http");
                    assertThat(item.title() == null || !item.title().contains("<script")).isTrue();
                });
            } else {
                assertThat(result.error()).as(feed).startsWith("the feed could not be read: ").hasSizeGreaterThan(30);
                assertThat(result.items()).isEmpty();
            }
        });
        // The real-world feeds, blank line before the XML declaration included, are read whole.
        assertThat(results.get("feedjira/TechCrunch.xml").items()).hasSize(20);
        assertThat(results.get("feedjira/TenderLovemaking.xml").items()).hasSize(10);
        assertThat(results.get("feedjira/AmazonWebServicesBlog.xml").items()).hasSize(10);
        assertThat(results.get("feedjira/youtube_atom.xml").items()).hasSize(15);
        assertThat(results.get("feedjira/HuffPostCanada.xml").items()).hasSize(2);
        // A document that stops in the middle is refused, with the parser's reason.
        assertThat(results.get("feedparser/illformed/rss_incomplete_cdata.xml").ok()).isFalse();
        System.out.println(summary(results));
    }

    @Test
    void markupInTitlesBecomesTextAndTrackingLeavesLinks() throws IOException {
        // These fixtures' entries have no link (they cannot become articles), but they must read cleanly.
        assertThat(FeedReader.read(bytes("feedparser/wellformed/atom10/entry_title_escaped_markup.xml")).ok()).isTrue();
        assertThat(FeedReader.read(bytes("feedparser/wellformed/sanitize/entry_title_script_cdata.xml")).ok()).isTrue();
        assertThat(FeedReader.text("Example <b>Atom</b>")).isEqualTo("Example Atom");
        assertThat(FeedReader.text("safe <script>location.href='http://evil.example/'</script>description"))
                .isEqualTo("safe description");

        FeedReader.Result greek = FeedReader.read(bytes("feedparser/illformed/http_high_bit_date.xml"));
        assertThat(greek.ok()).as(greek.error()).isTrue(); // a date it cannot read is no reason to drop the item

        String rss = """
                <?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
                <item><title>A &lt;b&gt;bold&lt;/b&gt; move</title><link>https://news.example.org/a?utm_source=rss&amp;id=3#x</link>
                <pubDate>Mon, 30 Nov 2026 08:00:00 GMT</pubDate></item>
                <item><title>No link</title></item></channel></rss>""";
        FeedReader.Result result = FeedReader.read(rss.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(result.items()).singleElement().satisfies(item -> {
            assertThat(item.title()).isEqualTo("A bold move");
            assertThat(item.link()).isEqualTo("https://news.example.org/a?id=3");
            assertThat(item.publishedAt()).isEqualTo(java.time.Instant.parse("2026-11-30T08:00:00Z"));
        });
    }

    private static String summary(Map<String, FeedReader.Result> results) {
        StringBuilder text = new StringBuilder();
        results.forEach((feed, result) -> text.append(feed).append(": ")
                .append(result.ok() ? result.items().size() + " items" : result.error()).append('\n'));
        return text.toString();
    }

    private static byte[] bytes(String feed) throws IOException {
        try (InputStream in = FeedReaderTests.class.getClassLoader().getResourceAsStream("testdata/feeds/" + feed)) {
            assertThat(in).as(feed).isNotNull();
            return in.readAllBytes();
        }
    }
}
