package io.vigie.sources;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.vigie.links.Canonical;
import io.vigie.links.WebAddress;
import org.jsoup.Jsoup;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an RSS or Atom feed (Rome) into plain items: title and summary as text (any markup in
 * them is reduced to its text, never kept), the link canonicalised, the date if there is a valid
 * one. A feed that cannot be read gives a {@link Result#error} saying why, so one broken source
 * never stops the others.
 */
public final class FeedReader {

    /** One item of a feed. {@code link} is canonical; {@code publishedAt} may be null. */
    public record Item(String title, String link, String summary, Instant publishedAt) {}

    /** The items, or the reason the feed could not be read (never both). */
    public record Result(String feedTitle, List<Item> items, String error) {

        public boolean ok() {
            return error == null;
        }
    }

    static final int MAX_TEXT = 500;

    private FeedReader() {}

    public static Result read(byte[] bytes) {
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false); // no external entities, no DTD tricks
            // XmlReader honours the declared encoding (iso-8859-7, windows-1252, ...); a blank line before
            // the XML declaration, common in real feeds, is tolerated.
            SyndFeed feed = input.build(new XmlReader(new ByteArrayInputStream(stripLeadingWhitespace(bytes)), true));
            List<Item> items = new ArrayList<>();
            for (SyndEntry entry : feed.getEntries()) {
                Optional<String> link = link(entry);
                if (link.isEmpty()) {
                    continue; // an item without a web link cannot become an article
                }
                items.add(new Item(text(entry.getTitle()), link.get(), summary(entry),
                        date(entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate())));
            }
            return new Result(text(feed.getTitle()), List.copyOf(items), null);
        } catch (FeedException | IOException | IllegalArgumentException | IllegalStateException e) {
            return new Result(null, List.of(), "the feed could not be read: " + message(e));
        }
    }

    private static Optional<String> link(SyndEntry entry) {
        String href = entry.getLink() != null ? entry.getLink() : entry.getUri();
        if (href == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Canonical.of(WebAddress.parse(href)).href());
        } catch (WebAddress.Refused e) {
            return Optional.empty();
        }
    }

    private static String summary(SyndEntry entry) {
        SyndContent description = entry.getDescription();
        if (description != null && description.getValue() != null) {
            return text(description.getValue());
        }
        return entry.getContents().stream().map(SyndContent::getValue).filter(v -> v != null && !v.isBlank())
                .findFirst().map(FeedReader::text).orElse(null);
    }

    /** Markup in a title or summary becomes its text (jsoup): a feed cannot inject HTML into Vigie. */
    static String text(String value) {
        if (value == null) {
            return null;
        }
        String plain = Jsoup.parse(value).text().strip();
        if (plain.isEmpty()) {
            return null;
        }
        return plain.length() <= MAX_TEXT ? plain : plain.substring(0, MAX_TEXT - 1) + "…";
    }

    private static Instant date(java.util.Date date) {
        return date == null ? null : date.toInstant();
    }

    private static byte[] stripLeadingWhitespace(byte[] bytes) {
        int start = 0;
        while (start < bytes.length && (bytes[start] == ' ' || bytes[start] == '\n' || bytes[start] == '\r' || bytes[start] == '\t')) {
            start++;
        }
        return start == 0 ? bytes : java.util.Arrays.copyOfRange(bytes, start, bytes.length);
    }

    private static String message(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
