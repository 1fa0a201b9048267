package io.vigie.demo;

import io.vigie.content.UserText;
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

    record DemoPost(String author, String space, int hoursAgo, String body, List<String> upvotes, List<String> downvotes) {}

    record Network(List<DemoPerson> people, List<DemoPost> posts) {}

    private final DatabaseClient db;
    private final TransactionalOperator transaction;
    private final UserText text;
    private final DemoProperties properties;
    private final JsonMapper json;

    DemoContent(DatabaseClient db, TransactionalOperator transaction, UserText text, DemoProperties properties, JsonMapper json) {
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
        log.info("demo content seeded: {} people, {} posts", network.people().size(), network.posts().size());
    }

    private Mono<Void> seed(Network network) {
        Map<String, UUID> ids = network.people().stream().collect(Collectors.toMap(DemoPerson::username, DemoPerson::id));
        Set<String> usernames = ids.keySet();
        return Flux.fromIterable(network.people()).concatMap(this::person)
                .thenMany(Flux.fromIterable(network.posts()))
                .concatMap(post -> post(post, ids, usernames))
                .then();
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
                                          upvotes, downvotes, created_at)
                        SELECT :id, s.id, :author, :markdown, :html, :hashtags, :mentions, :up, :down,
                               now() - make_interval(hours => :hours)
                        FROM space s WHERE s.slug = :space
                        """)
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
                .then(db.sql("INSERT INTO outbox (entity_type, entity_id) VALUES ('POST', :id)").bind("id", id)
                        .fetch().rowsUpdated())
                .then();
    }

    private Mono<Long> vote(UUID post, UUID person, int value) {
        return db.sql("INSERT INTO vote (target_type, target_id, person_id, value) VALUES ('post', :post, :person, :value)")
                .bind("post", post).bind("person", person).bind("value", (short) value)
                .fetch().rowsUpdated();
    }

    private Network read() {
        try (InputStream in = new ClassPathResource("demo/demo-content.json").getInputStream()) {
            return json.readValue(in, Network.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo content", e);
        }
    }
}
