package io.vigie.trends;

import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import io.vigie.spaces.Members;
import io.vigie.spaces.Reader;
import io.vigie.spaces.SpaceService;
import io.vigie.web.ApiProblems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * A space's weekly digest: its most engaged-with articles of a week, as JSON for the page and as
 * an Atom feed for feed readers, which fetch it with a personal token (they cannot sign in).
 */
@Service
public class DigestService {

    /** One week of a space: its top articles, most distinct people first. */
    public record Digest(UUID spaceId, String spaceName, Instant from, Instant to, List<TrendViews.ArticleTrend> articles) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final TrendsService trends;
    private final SpaceService spaces;
    private final Members members;
    private final DatabaseClient db;
    private final String uiUrl;

    DigestService(TrendsService trends, SpaceService spaces, Members members, DatabaseClient db,
                  @Value("${vigie.ui-url:http://localhost:8080}") String uiUrl) {
        this.trends = trends;
        this.spaces = spaces;
        this.members = members;
        this.db = db;
        this.uiUrl = uiUrl.endsWith("/") ? uiUrl.substring(0, uiUrl.length() - 1) : uiUrl;
    }

    /** The week ending {@code weeksAgo} weeks before now. */
    public Mono<Digest> digest(Reader reader, UUID spaceId, int weeksAgo, Instant now) {
        if (weeksAgo < 0 || weeksAgo > 52) {
            return Mono.error(ApiProblems.invalid("weeksAgo", "must be between 0 and 52"));
        }
        Instant to = now.minus(Duration.ofDays(7L * weeksAgo));
        Instant from = to.minus(Duration.ofDays(7));
        return spaces.visibleSpace(reader, spaceId)
                .flatMap(space -> trends.top(reader, new TrendsService.Scope(spaceId), from, to)
                        .map(top -> new Digest(space.id(), space.name(), from, to, top)));
    }

    /** The reader's personal feed token for a space, created the first time. */
    Mono<String> feedToken(Reader reader, UUID spaceId) {
        String fresh = token();
        // On conflict the row is "updated" to itself, so RETURNING always gives the token in force.
        return spaces.visibleSpace(reader, spaceId).then(db.sql("""
                        INSERT INTO feed_token (token, person_id, space_id) VALUES (:token, :person, :space)
                        ON CONFLICT (person_id, space_id) DO UPDATE SET token = feed_token.token
                        RETURNING token""")
                .bind("token", fresh).bind("person", reader.personId()).bind("space", spaceId)
                .map(row -> row.get("token", String.class)).one());
    }

    Mono<Void> revoke(Reader reader, UUID spaceId) {
        return db.sql("DELETE FROM feed_token WHERE person_id = :person AND space_id = :space")
                .bind("person", reader.personId()).bind("space", spaceId).fetch().rowsUpdated().then();
    }

    /**
     * The Atom digest behind a token, read as its person now: a revoked token, or a person who
     * may no longer read the space, gets the same 404 as an unknown token.
     */
    Mono<String> atom(String token, Instant now) {
        return db.sql("SELECT person_id, space_id FROM feed_token WHERE token = :token").bind("token", token)
                .map(row -> new UUID[] {row.get("person_id", UUID.class), row.get("space_id", UUID.class)})
                .one()
                .switchIfEmpty(Mono.error(() -> ApiProblems.notFound("This feed")))
                .flatMap(ids -> members.readerFor(ids[0]).flatMap(reader -> digest(reader, ids[1], 0, now)))
                .map(digest -> atom(digest, now));
    }

    private String atom(Digest digest, Instant now) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setTitle(digest.spaceName() + " — weekly digest");
        feed.setUri("urn:uuid:" + digest.spaceId());
        feed.setLink(uiUrl + "/spaces/" + digest.spaceId() + "/digest");
        feed.setPublishedDate(Date.from(now));
        feed.setEntries(digest.articles().stream().map(trend -> entry(trend, digest.to())).toList());
        try {
            return new SyndFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("the digest could not be written as Atom", e);
        }
    }

    private SyndEntry entry(TrendViews.ArticleTrend trend, Instant updated) {
        SyndEntry entry = new SyndEntryImpl();
        TrendViews.Card article = trend.article();
        entry.setTitle(article.title() == null || article.title().isBlank() ? article.url() : article.title());
        entry.setLink(article.url());
        entry.setUri("urn:uuid:" + article.id());
        entry.setUpdatedDate(Date.from(updated));
        SyndContentImpl summary = new SyndContentImpl();
        summary.setType("text/plain");
        summary.setValue(trend.reason().text() + (article.description() == null ? "" : ". " + article.description()));
        entry.setDescription(summary);
        return entry;
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
