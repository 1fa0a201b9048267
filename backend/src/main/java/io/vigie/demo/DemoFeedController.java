package io.vigie.demo;

import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

/**
 * The demo's own news wire, so the watch inbox fills on a first start without internet access:
 * an RSS feed and its article pages, served by this API under /demo, only when the demo is on.
 */
@RestController
@ConditionalOnProperty(name = "vigie.demo.enabled", havingValue = "true")
class DemoFeedController {

    private final DemoContent.DemoFeed feed;
    private final String origin;

    DemoFeedController(DemoContent demo, DemoProperties properties) {
        this.feed = demo.read().feed();
        this.origin = properties.feedUrl().replaceFirst("/demo/feed\\.xml$", "");
    }

    @GetMapping("/demo/feed.xml")
    ResponseEntity<String> rss() throws FeedException {
        SyndFeed rss = new SyndFeedImpl();
        rss.setFeedType("rss_2.0");
        rss.setTitle(feed.title());
        rss.setLink(origin + "/demo/");
        rss.setDescription("Articles for the Vigie demo");
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(8));
        rss.setEntries(feed.items().stream().map(item -> {
            SyndEntry entry = new SyndEntryImpl();
            entry.setTitle(item.title());
            entry.setLink(origin + "/demo/articles/" + item.slug());
            entry.setPublishedDate(Date.from(today.minus(Duration.ofDays(item.daysAgo()))));
            SyndContentImpl description = new SyndContentImpl();
            description.setType("text/plain");
            description.setValue(item.description());
            entry.setDescription(description);
            return entry;
        }).toList());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/rss+xml; charset=utf-8"))
                .body(new SyndFeedOutput().outputString(rss));
    }

    @GetMapping("/demo/articles/{slug}")
    ResponseEntity<String> article(@PathVariable String slug) {
        return feed.items().stream().filter(item -> item.slug().equals(slug)).findFirst()
                .map(item -> ResponseEntity.ok().contentType(MediaType.parseMediaType("text/html; charset=utf-8")).body("""
                        <!doctype html><html><head><meta charset="utf-8"><title>%1$s</title>
                        <meta property="og:title" content="%1$s"><meta property="og:description" content="%2$s">
                        <meta property="og:site_name" content="%3$s"></head>
                        <body><article><h1>%1$s</h1><p>%2$s</p></article></body></html>
                        """.formatted(HtmlUtils.htmlEscape(item.title()), HtmlUtils.htmlEscape(item.description()),
                        HtmlUtils.htmlEscape(feed.title()))))
                .orElse(ResponseEntity.notFound().build());
    }
}
