package io.vigie.advocacy;

import io.vigie.web.ApiProblems;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Advocacy items, the personal tracked links that share them, and what those links brought. Counts
 * are read from the links and clicks at each request: nothing is counted ahead.
 */
@Service
public class Advocacy {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CODE_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    static final int CODE_LENGTH = 10;
    static final int TEXT_MAX = 3000;

    /** Still on offer: not withdrawn, and its post (if it is one) neither deleted nor hidden. */
    private static final String LIVE = "i.withdrawn_at IS NULL AND (i.post_id IS NULL OR (p.deleted_at IS NULL AND p.hidden_at IS NULL))";

    private final DatabaseClient db;

    Advocacy(DatabaseClient db) {
        this.db = db;
    }

    /** What a moderator asks for; exactly one of {@code articleId} and {@code postId}. */
    record Draft(UUID articleId, UUID postId, String title, String targetUrl, Map<String, String> texts, List<String> departments,
                 OffsetDateTime expiresAt) {}

    /** Counts of shares and clicks (unique: a visitor's first click on a link in a day). */
    public record Counts(long shares, long clicks, long uniqueClicks) {}

    record Item(UUID id, String title, String targetUrl, String site, UUID articleId, UUID postId, Map<String, String> texts,
                List<String> departments, OffsetDateTime expiresAt, OffsetDateTime createdAt, String createdBy, boolean live,
                boolean expired, long sharers, long clicks, List<String> myNetworks, long myClicks, long myUniqueClicks) {}

    /** A person's tracked link on one network, and the address that shares it there. */
    record Share(String network, String code, String link, String shareUrl) {}

    // --- Items ---------------------------------------------------------------------------------

    /** Checks the draft against what it names and stores the item; answers its id. */
    Mono<UUID> create(UUID moderator, Draft draft) {
        if ((draft.articleId() == null) == (draft.postId() == null)) {
            return Mono.error(ApiProblems.invalid("articleId", "give an article or a post, not both"));
        }
        Map<String, String> texts = texts(draft.texts());
        List<String> departments = draft.departments() == null ? List.of()
                : draft.departments().stream().filter(d -> d != null && !d.isBlank()).map(String::strip).distinct().toList();
        if (draft.expiresAt() != null && !draft.expiresAt().isAfter(OffsetDateTime.now())) {
            return Mono.error(ApiProblems.invalid("expiresAt", "must be in the future"));
        }
        if (draft.title() != null && draft.title().strip().length() > 200) {
            return Mono.error(ApiProblems.invalid("title", "200 characters at most"));
        }
        return knownDepartments(departments)
                .then(draft.articleId() != null ? article(draft.articleId()) : post(draft.postId(), draft.targetUrl()))
                .flatMap(source -> {
                    UUID id = UUID.randomUUID();
                    String title = draft.title() != null && !draft.title().isBlank() ? draft.title().strip() : source.title();
                    return db.sql("""
                                    INSERT INTO advocacy_item (id, article_id, post_id, title, target_url, campaign, text_linkedin, text_x,
                                                               text_email, departments, expires_at, created_by)
                                    VALUES (:id, :article, :post, :title, :target, :campaign, :linkedin, :x, :email, :departments,
                                            :expires, :by)""")
                            .bind("id", id)
                            .bind("article", Parameter.fromOrEmpty(draft.articleId(), UUID.class))
                            .bind("post", Parameter.fromOrEmpty(draft.postId(), UUID.class))
                            .bind("title", title)
                            .bind("target", source.target())
                            .bind("campaign", campaign(title, id))
                            .bind("linkedin", texts.get("linkedin"))
                            .bind("x", texts.get("x"))
                            .bind("email", texts.get("email"))
                            .bind("departments", departments.toArray(String[]::new))
                            .bind("expires", Parameter.fromOrEmpty(draft.expiresAt(), OffsetDateTime.class))
                            .bind("by", moderator)
                            .fetch().rowsUpdated()
                            .thenReturn(id);
                });
    }

    /** A withdrawn item leaves the feed, and its links answer 410 Gone. */
    Mono<Boolean> withdraw(UUID id) {
        return db.sql("UPDATE advocacy_item SET withdrawn_at = now() WHERE id = :id AND withdrawn_at IS NULL")
                .bind("id", id).fetch().rowsUpdated().map(n -> n > 0);
    }

    /**
     * The advocacy feed of a person: live items not expired, for everyone or their department,
     * newest first. {@code everything} (moderators): all items, expired and withdrawn included.
     */
    Flux<Item> feed(UUID person, String department, boolean everything) {
        return items(person, department, everything, null, false);
    }

    /**
     * One item, if the feed would offer it to the person ({@code orShared}: or they already shared
     * it, so their own figures stay theirs to read once it expired or was withdrawn).
     */
    Mono<Item> item(UUID person, String department, boolean everything, UUID id, boolean orShared) {
        return items(person, department, everything, id, orShared).next();
    }

    private Flux<Item> items(UUID person, String department, boolean everything, UUID id, boolean orShared) {
        String offered = LIVE + " AND (i.expires_at IS NULL OR i.expires_at > now())"
                + " AND (cardinality(i.departments) = 0 OR :department = ANY (i.departments))";
        String shared = orShared ? " OR EXISTS (SELECT 1 FROM advocacy_link l WHERE l.item_id = i.id AND l.person_id = :person)" : "";
        DatabaseClient.GenericExecuteSpec sql = db.sql("""
                        SELECT i.*, a.site_name, c.display_name AS created_by_name, (%s) AS live,
                               (i.expires_at IS NOT NULL AND i.expires_at <= now()) AS expired,
                               m.sharers, m.clicks, m.my_networks, m.my_clicks, m.my_unique
                        FROM advocacy_item i
                        LEFT JOIN article a ON a.id = i.article_id
                        LEFT JOIN post p ON p.id = i.post_id
                        JOIN person c ON c.id = i.created_by
                        LEFT JOIN LATERAL (
                            SELECT count(DISTINCT l.person_id) AS sharers, count(k.id) AS clicks,
                                   array_agg(DISTINCT l.network) FILTER (WHERE l.person_id = :person) AS my_networks,
                                   count(k.id) FILTER (WHERE l.person_id = :person) AS my_clicks,
                                   count(k.id) FILTER (WHERE l.person_id = :person AND k.first_visit) AS my_unique
                            FROM advocacy_link l LEFT JOIN advocacy_click k ON k.code = l.code
                            WHERE l.item_id = i.id) m ON true
                        WHERE (:everything OR (%s)%s) %s
                        ORDER BY i.created_at DESC
                        LIMIT 100""".formatted(LIVE, offered, shared, id == null ? "" : "AND i.id = :id"))
                .bind("person", person)
                .bind("department", department == null ? "" : department)
                .bind("everything", everything);
        return (id == null ? sql : sql.bind("id", id)).map(Advocacy::toItem).all();
    }

    // --- Sharing -------------------------------------------------------------------------------

    /** The person's tracked link for the item on the network, made on the first share and kept after. */
    Mono<Share> share(Item item, UUID person, String department, Network network, String linkBase) {
        return Mono.defer(() -> db.sql("""
                                INSERT INTO advocacy_link (code, item_id, person_id, network, department)
                                VALUES (:code, :item, :person, :network, :department)
                                ON CONFLICT DO NOTHING""")
                        .bind("code", newCode())
                        .bind("item", item.id())
                        .bind("person", person)
                        .bind("network", network.id())
                        .bind("department", Parameter.fromOrEmpty(department, String.class))
                        .fetch().rowsUpdated()
                        .then(db.sql("SELECT code FROM advocacy_link WHERE item_id = :item AND person_id = :person AND network = :network")
                                .bind("item", item.id()).bind("person", person).bind("network", network.id())
                                .map(row -> row.get("code", String.class)).one()))
                // A new code that happened to exist already inserts nothing: draw again.
                .repeatWhenEmpty(3, tries -> tries)
                .map(code -> {
                    String link = linkBase + "/go/" + code;
                    return new Share(network.id(), code, link, network.shareUrl(link, item.title(), item.texts().get(network.id())));
                });
    }

    /** Where a tracked link leads, or empty for a code that names no link. */
    record Destination(String code, String network, String department, String targetUrl, String campaign, boolean live) {

        /** The item's own target, with the campaign's UTM parameters (replacing any it had). */
        URI tracked() {
            return Utm.add(targetUrl, network, campaign, department);
        }
    }

    Mono<Destination> destination(String code) {
        return db.sql("""
                        SELECT l.code, l.network, l.department, i.target_url, i.campaign, (%s) AS live
                        FROM advocacy_link l JOIN advocacy_item i ON i.id = l.item_id LEFT JOIN post p ON p.id = i.post_id
                        WHERE l.code = :code""".formatted(LIVE))
                .bind("code", code)
                .map(row -> new Destination(row.get("code", String.class), row.get("network", String.class),
                        row.get("department", String.class), row.get("target_url", String.class), row.get("campaign", String.class),
                        Boolean.TRUE.equals(row.get("live", Boolean.class))))
                .one();
    }

    // --- What the links brought -----------------------------------------------------------------

    /** One tracked link and its clicks. */
    record LinkCounts(String username, String name, String department, String network, OffsetDateTime createdAt, long clicks,
                      long uniqueClicks) {}

    record Day(LocalDate day, long shares, long clicks, long uniqueClicks) {}

    Flux<LinkCounts> links(UUID item) {
        return db.sql("""
                        SELECT pe.username, pe.display_name, l.department, l.network, l.created_at,
                               count(k.id) AS clicks, count(k.id) FILTER (WHERE k.first_visit) AS unique_clicks
                        FROM advocacy_link l JOIN person pe ON pe.id = l.person_id LEFT JOIN advocacy_click k ON k.code = l.code
                        WHERE l.item_id = :item
                        GROUP BY l.code, pe.username, pe.display_name
                        ORDER BY l.created_at""")
                .bind("item", item)
                .map(row -> new LinkCounts(row.get("username", String.class), row.get("display_name", String.class),
                        row.get("department", String.class), row.get("network", String.class),
                        row.get("created_at", OffsetDateTime.class), row.get("clicks", Long.class), row.get("unique_clicks", Long.class)))
                .all();
    }

    /** Shares and clicks per day (UTC), days with neither left out. */
    Flux<Day> days(UUID item) {
        return db.sql("""
                        SELECT day, sum(shares)::bigint AS shares, sum(clicks)::bigint AS clicks, sum(unique_clicks)::bigint AS unique_clicks
                        FROM (SELECT (l.created_at AT TIME ZONE 'UTC')::date AS day, 1 AS shares, 0 AS clicks, 0 AS unique_clicks
                              FROM advocacy_link l WHERE l.item_id = :item
                              UNION ALL
                              SELECT (k.at AT TIME ZONE 'UTC')::date, 0, 1, CASE WHEN k.first_visit THEN 1 ELSE 0 END
                              FROM advocacy_click k JOIN advocacy_link l ON l.code = k.code WHERE l.item_id = :item) counted
                        GROUP BY day ORDER BY day""")
                .bind("item", item)
                .map(row -> new Day(row.get("day", LocalDate.class), row.get("shares", Long.class), row.get("clicks", Long.class),
                        row.get("unique_clicks", Long.class)))
                .all();
    }

    // --- Pieces --------------------------------------------------------------------------------

    private record Source(String title, String target) {}

    /** An article may be promoted once it is shared where colleagues can read it (never from a private space only). */
    private Mono<Source> article(UUID id) {
        return db.sql("""
                        SELECT a.title, a.url,
                               EXISTS (SELECT 1 FROM post p JOIN space s ON s.id = p.space_id
                                       WHERE p.article_id = a.id AND p.deleted_at IS NULL AND p.hidden_at IS NULL
                                         AND s.kind <> 'private') AS public
                        FROM article a WHERE a.id = :id""")
                .bind("id", id)
                .map(row -> new Object[] {row.get("title", String.class), row.get("url", String.class), row.get("public", Boolean.class)})
                .one()
                .switchIfEmpty(Mono.error(() -> ApiProblems.notFound("This article")))
                .flatMap(row -> Boolean.TRUE.equals(row[2])
                        ? Mono.just(new Source(row[0] == null ? (String) row[1] : (String) row[0], target((String) row[1])))
                        : Mono.error(ApiProblems.invalid("articleId", "only an article shared in an open or department space can be shared outside")));
    }

    /** A post in an open or department space; its target is the article it shares, or the address given. */
    private Mono<Source> post(UUID id, String targetUrl) {
        return db.sql("""
                        SELECT p.title, p.body_markdown, a.url, s.kind
                        FROM post p JOIN space s ON s.id = p.space_id LEFT JOIN article a ON a.id = p.article_id
                        WHERE p.id = :id AND p.deleted_at IS NULL AND p.hidden_at IS NULL""")
                .bind("id", id)
                .map(row -> new String[] {row.get("title", String.class), row.get("body_markdown", String.class),
                        row.get("url", String.class), row.get("kind", String.class)})
                .one()
                .switchIfEmpty(Mono.error(() -> ApiProblems.notFound("This post")))
                .flatMap(row -> {
                    if ("private".equals(row[3])) {
                        return Mono.error(ApiProblems.invalid("postId", "a post of a private space cannot be shared outside"));
                    }
                    String target = targetUrl != null && !targetUrl.isBlank() ? targetUrl.strip() : row[2];
                    if (target == null) {
                        return Mono.error(ApiProblems.invalid("targetUrl", "this post carries no link: give the public address to share"));
                    }
                    String title = row[0] != null ? row[0] : firstLine(row[1]);
                    return Mono.just(new Source(title, target(target)));
                });
    }

    /** Only a plain public web address may be a target: http or https, a host, no credentials. */
    static String target(String address) {
        URI uri;
        try {
            uri = new URI(address);
        } catch (java.net.URISyntaxException e) {
            throw ApiProblems.invalid("targetUrl", "is not a valid web address");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getRawUserInfo() != null
                || address.length() > 2000) {
            throw ApiProblems.invalid("targetUrl", "must be an http or https address with a host and no credentials");
        }
        return uri.toASCIIString();
    }

    private static String firstLine(String markdown) {
        String line = markdown == null ? "" : markdown.strip().lines().findFirst().orElse("").replaceAll("[#*_`>\\[\\]]", "").strip();
        return line.isEmpty() ? "Post" : line.length() > 120 ? line.substring(0, 119) + "…" : line;
    }

    private static Map<String, String> texts(Map<String, String> given) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Network network : Network.values()) {
            String text = given == null || given.get(network.id()) == null ? "" : given.get(network.id()).strip();
            if (text.length() > (network == Network.X ? Network.X_TEXT_MAX : TEXT_MAX)) {
                throw ApiProblems.invalid("texts." + network.id(),
                        (network == Network.X ? Network.X_TEXT_MAX : TEXT_MAX) + " characters at most (the link is added)");
            }
            texts.put(network.id(), text);
        }
        if (given != null) {
            for (String key : given.keySet()) {
                if (!texts.containsKey(key)) {
                    Network.of(key); // 400 naming the networks
                }
            }
        }
        return texts;
    }

    private Mono<Void> knownDepartments(List<String> departments) {
        if (departments.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("SELECT department FROM space WHERE kind = 'department'")
                .map(row -> row.get("department", String.class)).all().collectList()
                .flatMap(known -> {
                    List<String> unknown = departments.stream().filter(d -> !known.contains(d)).toList();
                    return unknown.isEmpty() ? Mono.empty()
                            : Mono.error(ApiProblems.invalid("departments", "unknown department: " + String.join(", ", unknown)));
                });
    }

    /** {@code utm_campaign}: readable in an analytics tool, unique by the id's start. */
    public static String campaign(String title, UUID id) {
        String slug = Utm.slug(title);
        return (slug.length() > 40 ? slug.substring(0, 40).replaceAll("-+$", "") : slug) + (slug.isEmpty() ? "" : "-")
                + id.toString().substring(0, 8);
    }

    private static String newCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    private static Item toItem(Readable row) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("linkedin", row.get("text_linkedin", String.class));
        texts.put("x", row.get("text_x", String.class));
        texts.put("email", row.get("text_email", String.class));
        String[] networks = row.get("my_networks", String[].class);
        String target = row.get("target_url", String.class);
        String site = row.get("site_name", String.class);
        return new Item(row.get("id", UUID.class), row.get("title", String.class), target,
                site != null ? site : URI.create(target).getHost(), row.get("article_id", UUID.class), row.get("post_id", UUID.class),
                texts, Arrays.asList(row.get("departments", String[].class)), row.get("expires_at", OffsetDateTime.class),
                row.get("created_at", OffsetDateTime.class), row.get("created_by_name", String.class),
                Boolean.TRUE.equals(row.get("live", Boolean.class)), Boolean.TRUE.equals(row.get("expired", Boolean.class)),
                row.get("sharers", Long.class), row.get("clicks", Long.class),
                networks == null ? List.of() : new ArrayList<>(Arrays.asList(networks)), row.get("my_clicks", Long.class),
                row.get("my_unique", Long.class));
    }

    /** Today in UTC, the day clicks and salts are counted by. */
    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
