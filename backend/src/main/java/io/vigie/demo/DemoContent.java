package io.vigie.demo;

import io.vigie.articles.Keywords;
import io.vigie.content.UserText;
import io.vigie.ideas.ChallengeDraft;
import io.vigie.ideas.Challenges;
import io.vigie.ideas.IdeaDraft;
import io.vigie.ideas.Ideas;
import io.vigie.polls.PollDraft;
import io.vigie.polls.Polls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Seeds, at the first start only, a small living network (demo-content.json): the demo people,
 * posts in French and English across the department spaces and the company space, spread over
 * the last days, and their votes. Written like any post (rendered, with an outbox row), so the
 * indexer puts them in the feeds.
 */
@Component
class DemoContent {

    private static final Logger log = LoggerFactory.getLogger(DemoContent.class);

    record DemoPerson(UUID id, String username, String name, String email, String department, List<String> roles) {}

    record DemoPost(String author, String space, int hoursAgo, String body, List<String> upvotes, List<String> downvotes,
                    DemoPoll poll, String title, String kudosTo, String value, List<DemoAnswer> answers,
                    DemoIdea idea, DemoChallenge challenge) {}

    /** An idea: its problem and benefit, its status, and the challenge it answers (by that challenge's title). */
    record DemoIdea(String problem, String benefit, String status, String challenge) {}

    /** A challenge, open for some days more, with its criteria ("label" → weight) and jury. */
    record DemoChallenge(int closesInDays, int winners, Map<String, Integer> criteria, List<String> jury) {}

    /** An answer to a demo question; the accepted one says so. */
    record DemoAnswer(String author, String body, boolean accepted) {}

    /** A poll on a demo post, with the ballots already cast (by username). */
    record DemoPoll(List<String> options, boolean multiple, boolean anonymous, Integer closesInHours,
                    Map<String, List<Integer>> ballots) {}

    record Network(List<DemoPerson> people, List<DemoPost> posts, List<DemoArticle> articles, List<String> trustedSites,
                   DemoFeed feed) {}

    /** A shared article with its stored preview (no fetch: the demo works offline) and its shares. */
    record DemoArticle(String url, String title, String description, String siteName, String language, int publishedDaysAgo,
                       String excerpt, List<DemoShare> shares, DemoAdvocacy advocacy) {}

    /** The article promoted for sharing outside, and the tracked links colleagues already shared with their clicks. */
    record DemoAdvocacy(String by, Map<String, String> texts, List<String> departments, int expiresInDays,
                        List<DemoAdvocacyShare> shares) {}

    record DemoAdvocacyShare(String by, String network, int hoursAgo, int clicks, int uniqueClicks) {}

    record DemoShare(String by, String space, int hoursAgo, String comment, List<String> tags, List<DemoAct> upvotes,
                     List<DemoComment> comments) {}

    record DemoAct(String by, int hoursAgo) {}

    record DemoComment(String by, int hoursAgo, String body) {}

    /** The demo watch source: a feed the API serves itself under /demo ({@link DemoFeedController}). */
    record DemoFeed(String space, String title, List<DemoFeedItem> items) {}

    record DemoFeedItem(String slug, String title, String description, int daysAgo) {}

    private final DatabaseClient db;
    private final TransactionalOperator transaction;
    private final UserText text;
    private final DemoProperties properties;
    private final JsonMapper json;
    private final Polls polls;
    private final Ideas ideas;
    private final Challenges challenges;
    /** The demo challenges' ids by title, for the ideas that answer them (posts are seeded in order). */
    private final Map<String, UUID> challengeIds = new java.util.concurrent.ConcurrentHashMap<>();

    DemoContent(DatabaseClient db, TransactionalOperator transaction, UserText text, DemoProperties properties, JsonMapper json,
                Polls polls, Ideas ideas, Challenges challenges) {
        this.polls = polls;
        this.ideas = ideas;
        this.challenges = challenges;
        this.db = db;
        this.transaction = transaction;
        this.text = text;
        this.properties = properties;
        this.json = json;
    }

    /** After the department and company spaces exist (they are seeded first). */
    @EventListener(ApplicationReadyEvent.class)
    @Order(2)
    void seedOnFirstStart() {
        if (!properties.enabled()) {
            return;
        }
        Long posts = db.sql("SELECT count(*) AS posts FROM post").map(row -> row.get("posts", Long.class)).one()
                .block(Duration.ofSeconds(10));
        if (posts != null && posts > 0) {
            return;
        }
        Network network = read();
        transaction.transactional(seed(network)).block(Duration.ofSeconds(60));
        log.info("demo content seeded: {} people, {} posts, {} shared articles, a demo feed", network.people().size(),
                network.posts().size(), network.articles().size());
    }

    private Mono<Void> seed(Network network) {
        Map<String, UUID> ids = network.people().stream().collect(Collectors.toMap(DemoPerson::username, DemoPerson::id));
        Set<String> usernames = ids.keySet();
        return Flux.fromIterable(network.people()).concatMap(this::person)
                .thenMany(Flux.fromIterable(network.posts()))
                .concatMap(post -> post(post, ids, usernames))
                .thenMany(Flux.fromIterable(network.articles()))
                .concatMap(article -> article(article, ids, usernames))
                .thenMany(Flux.fromIterable(network.trustedSites()))
                .concatMap(host -> db.sql("INSERT INTO trusted_site (host, added_by) VALUES (:host, :by) ON CONFLICT DO NOTHING")
                        .bind("host", host).bind("by", ids.get("emma.dubois")).fetch().rowsUpdated())
                .then(source(network.feed(), ids))
                .then();
    }

    /**
     * An article as sharing it would store it, then each share as a post carrying it, with votes
     * and comments at their times. The database's triggers log the engagement for trends.
     */
    private Mono<Void> article(DemoArticle article, Map<String, UUID> ids, Set<String> usernames) {
        UUID articleId = UUID.randomUUID();
        return db.sql("""
                        INSERT INTO article (id, url, title, description, site_name, language, excerpt, keywords, published_at, fetched_at)
                        VALUES (:id, :url, :title, :description, :site, :language, :excerpt, :keywords,
                                now() - make_interval(days => :days), now())
                        """)
                .bind("id", articleId).bind("url", article.url()).bind("title", article.title())
                .bind("description", article.description()).bind("site", article.siteName()).bind("language", article.language())
                .bind("excerpt", article.excerpt())
                .bind("keywords", Keywords.of(article.title(), article.description()).toArray(String[]::new))
                .bind("days", article.publishedDaysAgo())
                .fetch().rowsUpdated()
                .thenMany(Flux.fromIterable(article.shares()))
                .concatMap(share -> share(articleId, share, ids, usernames))
                .then(article.advocacy() == null ? Mono.empty() : advocacy(articleId, article, ids));
    }

    /** The item as a moderator would promote it, then each colleague's tracked link and the clicks it got (no visitor kept). */
    private Mono<Void> advocacy(UUID articleId, DemoArticle article, Map<String, UUID> ids) {
        DemoAdvocacy promoted = article.advocacy();
        UUID item = UUID.randomUUID();
        return db.sql("""
                        INSERT INTO advocacy_item (id, article_id, title, target_url, campaign, text_linkedin, text_x, text_email,
                                                   departments, expires_at, created_by, created_at)
                        VALUES (:id, :article, :title, :target, :campaign, :linkedin, :x, :email, :departments,
                                now() + make_interval(days => :days), :by, now() - interval '1 day')""")
                .bind("id", item).bind("article", articleId).bind("title", article.title()).bind("target", article.url())
                .bind("campaign", io.vigie.advocacy.Advocacy.campaign(article.title(), item))
                .bind("linkedin", promoted.texts().getOrDefault("linkedin", "")).bind("x", promoted.texts().getOrDefault("x", ""))
                .bind("email", promoted.texts().getOrDefault("email", ""))
                .bind("departments", promoted.departments().toArray(String[]::new)).bind("days", promoted.expiresInDays())
                .bind("by", ids.get(promoted.by()))
                .fetch().rowsUpdated()
                .thenMany(Flux.fromIterable(promoted.shares()))
                .concatMap(share -> {
                    String code = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
                    return db.sql("""
                                    INSERT INTO advocacy_link (code, item_id, person_id, network, department, created_at)
                                    SELECT :code, :item, p.id, :network, p.department, now() - make_interval(hours => :hours)
                                    FROM person p WHERE p.id = :person""")
                            .bind("code", code).bind("item", item).bind("person", ids.get(share.by())).bind("network", share.network())
                            .bind("hours", share.hoursAgo())
                            .fetch().rowsUpdated()
                            .then(db.sql("""
                                            INSERT INTO advocacy_click (code, at, first_visit)
                                            SELECT :code, now() - make_interval(hours => :hours) + n * interval '10 minutes', n <= :unique
                                            FROM generate_series(1, :clicks) AS n""")
                                    .bind("code", code).bind("hours", share.hoursAgo()).bind("unique", share.uniqueClicks())
                                    .bind("clicks", share.clicks())
                                    .fetch().rowsUpdated());
                })
                .then();
    }

    private Mono<Void> share(UUID articleId, DemoShare share, Map<String, UUID> ids, Set<String> usernames) {
        UUID id = UUID.randomUUID();
        UserText.Rendered rendered = text.render(share.comment(), usernames);
        List<String> tags = java.util.stream.Stream.concat(rendered.hashtags().stream(), share.tags().stream()).distinct().toList();
        return db.sql("""
                        INSERT INTO post (id, space_id, author_id, body_markdown, body_html, hashtags, mentions, article_id, created_at)
                        SELECT :id, s.id, :author, :markdown, :html, :hashtags, :mentions, :article, now() - make_interval(hours => :hours)
                        FROM space s WHERE s.slug = :space
                        """)
                .bind("id", id).bind("author", ids.get(share.by())).bind("markdown", share.comment()).bind("html", rendered.html())
                .bind("hashtags", tags.toArray(String[]::new)).bind("mentions", rendered.mentions().toArray(String[]::new))
                .bind("article", articleId).bind("hours", share.hoursAgo()).bind("space", share.space())
                .fetch().rowsUpdated()
                .thenMany(Flux.fromIterable(share.upvotes()))
                .concatMap(vote -> db.sql("""
                                INSERT INTO vote (target_type, target_id, person_id, value, voted_at)
                                VALUES ('post', :post, :person, 1, now() - make_interval(hours => :hours))""")
                        .bind("post", id).bind("person", ids.get(vote.by())).bind("hours", vote.hoursAgo()).fetch().rowsUpdated())
                .thenMany(Flux.fromIterable(share.comments()))
                .concatMap(comment -> {
                    UserText.Rendered body = text.render(comment.body(), usernames);
                    return db.sql("""
                                    WITH c AS (INSERT INTO comment (id, post_id, author_id, body_markdown, body_html, mentions, created_at)
                                               VALUES (:id, :post, :author, :markdown, :html, :mentions, now() - make_interval(hours => :hours))
                                               RETURNING id)
                                    INSERT INTO outbox (entity_type, entity_id) SELECT 'COMMENT', id FROM c""")
                            .bind("id", UUID.randomUUID()).bind("post", id).bind("author", ids.get(comment.by()))
                            .bind("markdown", comment.body()).bind("html", body.html())
                            .bind("mentions", body.mentions().toArray(String[]::new)).bind("hours", comment.hoursAgo())
                            .fetch().rowsUpdated();
                })
                .then(db.sql("""
                                UPDATE post SET upvotes = (SELECT count(*) FROM vote WHERE target_type = 'post' AND target_id = :id AND value = 1),
                                                comment_count = (SELECT count(*) FROM comment WHERE post_id = :id)
                                WHERE id = :id""")
                        .bind("id", id).fetch().rowsUpdated())
                .then(db.sql("INSERT INTO outbox (entity_type, entity_id) VALUES ('POST', :id)").bind("id", id).fetch().rowsUpdated())
                .then();
    }

    /** The demo feed as a watch source of its space, due at once: the poller fills the inbox on the first start. */
    private Mono<Void> source(DemoFeed feed, Map<String, UUID> ids) {
        return db.sql("""
                        INSERT INTO watch_source (id, space_id, url, title, added_by)
                        SELECT :id, s.id, :url, :title, :by FROM space s WHERE s.slug = :space
                        ON CONFLICT DO NOTHING""")
                .bind("id", UUID.randomUUID()).bind("url", properties.feedUrl()).bind("title", feed.title())
                .bind("by", ids.get("emma.dubois")).bind("space", feed.space())
                .fetch().rowsUpdated().then();
    }

    /** The person as their first sign-in would record them, member of their department and the company space. */
    private Mono<Void> person(DemoPerson person) {
        // The outbox row goes with the person, so colleagues find them in search from the first start.
        return db.sql("""
                        WITH inserted AS (
                            INSERT INTO person (id, username, display_name, email, department, roles)
                            VALUES (:id, :username, :name, :email, :department, :roles)
                            ON CONFLICT DO NOTHING
                            RETURNING id)
                        INSERT INTO outbox (entity_type, entity_id) SELECT 'PERSON', id FROM inserted
                        """)
                .bind("id", person.id()).bind("username", person.username()).bind("name", person.name())
                .bind("email", person.email()).bind("department", person.department())
                .bind("roles", person.roles().toArray(String[]::new))
                .fetch().rowsUpdated()
                .then(db.sql("""
                                INSERT INTO space_membership (space_id, person_id, role)
                                SELECT s.id, :person, 'member' FROM space s
                                WHERE s.department = :department OR (s.kind = 'open' AND s.department IS NULL AND s.slug = 'company')
                                ON CONFLICT DO NOTHING
                                """)
                        .bind("person", person.id()).bind("department", person.department())
                        .fetch().rowsUpdated())
                .then();
    }

    private Mono<Void> post(DemoPost post, Map<String, UUID> ids, Set<String> usernames) {
        UUID id = UUID.randomUUID();
        UserText.Rendered rendered = text.render(post.body(), usernames);
        return db.sql("""
                        INSERT INTO post (id, space_id, author_id, body_markdown, body_html, hashtags, mentions,
                                          upvotes, downvotes, created_at, kind, title, kudos_to, kudos_value)
                        SELECT :id, s.id, :author, :markdown, :html, :hashtags, :mentions, :up, :down,
                               now() - make_interval(hours => :hours), :kind, :title,
                               (SELECT id FROM person WHERE username = :kudosTo), :value
                        FROM space s WHERE s.slug = :space
                        """)
                .bind("kind", post.idea() != null ? "idea" : post.challenge() != null ? "challenge"
                        : post.title() != null ? "question" : post.kudosTo() != null ? "kudos" : "post")
                .bind("title", org.springframework.r2dbc.core.Parameter.fromOrEmpty(post.title(), String.class))
                .bind("kudosTo", org.springframework.r2dbc.core.Parameter.fromOrEmpty(post.kudosTo(), String.class))
                .bind("value", org.springframework.r2dbc.core.Parameter.fromOrEmpty(post.value(), String.class))
                .bind("id", id).bind("author", ids.get(post.author())).bind("markdown", post.body())
                .bind("html", rendered.html())
                .bind("hashtags", rendered.hashtags().toArray(String[]::new))
                .bind("mentions", rendered.mentions().toArray(String[]::new))
                .bind("up", post.upvotes().size()).bind("down", post.downvotes().size())
                .bind("hours", post.hoursAgo()).bind("space", post.space())
                .fetch().rowsUpdated()
                .thenMany(Flux.concat(
                        Flux.fromIterable(post.upvotes()).concatMap(voter -> vote(id, ids.get(voter), 1)),
                        Flux.fromIterable(post.downvotes()).concatMap(voter -> vote(id, ids.get(voter), -1))))
                .then(post.poll() == null ? Mono.empty() : poll(id, post.poll(), ids))
                .then(post.answers() == null ? Mono.empty() : answers(id, post.answers(), ids, usernames))
                .then(post.challenge() == null ? Mono.empty() : challenge(id, post, ids))
                .then(post.idea() == null ? Mono.empty() : idea(id, post, ids))
                .then(db.sql("INSERT INTO outbox (entity_type, entity_id) VALUES ('POST', :id)").bind("id", id)
                        .fetch().rowsUpdated())
                .then();
    }

    /** Answers as comments, an hour apart after the question; the accepted one marked on the question. */
    private Mono<Void> answers(UUID questionId, List<DemoAnswer> answers, Map<String, UUID> ids, Set<String> usernames) {
        return Flux.fromIterable(answers).concatMap(answer -> {
            UUID commentId = UUID.randomUUID();
            UserText.Rendered rendered = text.render(answer.body(), usernames);
            Mono<Long> inserted = db.sql("""
                            INSERT INTO comment (id, post_id, author_id, body_markdown, body_html, mentions, created_at)
                            SELECT :id, p.id, :author, :markdown, :html, :mentions, p.created_at + interval '1 hour'
                            FROM post p WHERE p.id = :post""")
                    .bind("id", commentId).bind("post", questionId).bind("author", ids.get(answer.author()))
                    .bind("markdown", answer.body()).bind("html", rendered.html())
                    .bind("mentions", rendered.mentions().toArray(String[]::new))
                    .fetch().rowsUpdated()
                    .then(db.sql("INSERT INTO outbox (entity_type, entity_id) VALUES ('COMMENT', :id)").bind("id", commentId)
                            .fetch().rowsUpdated());
            return answer.accepted()
                    ? inserted.then(db.sql("UPDATE post SET accepted_comment_id = :comment WHERE id = :post")
                            .bind("comment", commentId).bind("post", questionId).fetch().rowsUpdated())
                    : inserted;
        }).then(db.sql("UPDATE post SET comment_count = (SELECT count(*) FROM comment WHERE post_id = :post) WHERE id = :post")
                .bind("post", questionId).fetch().rowsUpdated()).then();
    }

    private Mono<Void> challenge(UUID postId, DemoPost post, Map<String, UUID> ids) {
        DemoChallenge challenge = post.challenge();
        challengeIds.put(post.title(), postId);
        List<ChallengeDraft.Criterion> criteria = challenge.criteria().entrySet().stream()
                .map(criterion -> new ChallengeDraft.Criterion(criterion.getKey(), criterion.getValue())).toList();
        return challenges.create(postId, new ChallengeDraft(OffsetDateTime.now().plusDays(challenge.closesInDays()), challenge.winners(),
                criteria, challenge.jury()), challenge.jury().stream().map(ids::get).toList());
    }

    private Mono<Void> idea(UUID postId, DemoPost post, Map<String, UUID> ids) {
        DemoIdea idea = post.idea();
        UUID challenge = idea.challenge() == null ? null : challengeIds.get(idea.challenge());
        Mono<Void> created = ideas.create(postId, new IdeaDraft(idea.problem(), idea.benefit(), challenge), ids.get(post.author()));
        if (idea.status() == null || idea.status().equals("submitted")) {
            return created;
        }
        // Moved on by a moderator since: its history says so.
        return created.then(db.sql("""
                        WITH moved AS (UPDATE idea SET status = :status WHERE post_id = :id RETURNING post_id)
                        INSERT INTO idea_event (idea_id, status, actor_id) SELECT post_id, :status, :by FROM moved""")
                .bind("id", postId).bind("status", idea.status()).bind("by", ids.get("david.leroy"))
                .fetch().rowsUpdated().then());
    }

    private Mono<Void> poll(UUID postId, DemoPoll poll, Map<String, UUID> ids) {
        OffsetDateTime closes = poll.closesInHours() == null ? null : OffsetDateTime.now().plusHours(poll.closesInHours());
        return polls.create(postId, new PollDraft(poll.options(), poll.multiple(), poll.anonymous(), closes))
                .thenMany(Flux.fromIterable(poll.ballots().entrySet()))
                .concatMap(ballot -> polls.vote(ids.get(ballot.getKey()), postId, ballot.getValue()))
                .then();
    }

    private Mono<Long> vote(UUID post, UUID person, int value) {
        return db.sql("INSERT INTO vote (target_type, target_id, person_id, value) VALUES ('post', :post, :person, :value)")
                .bind("post", post).bind("person", person).bind("value", (short) value)
                .fetch().rowsUpdated();
    }

    /** The demo network, also read by the demo feed. */
    Network read() {
        try (InputStream in = new ClassPathResource("demo/demo-content.json").getInputStream()) {
            return json.readValue(in, Network.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo content", e);
        }
    }
}
