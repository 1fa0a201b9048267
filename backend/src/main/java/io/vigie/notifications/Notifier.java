package io.vigie.notifications;

import io.vigie.live.LiveEvents;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Writes notifications inside the transaction of the change that causes them, and only for
 * people who may read what they are about: a mention in a private space reaches members only.
 * Each recipient's open streams hear about it at commit.
 */
@Component
public class Notifier {

    /** Upvote counts that earn the author a notification, once each. */
    static final Set<Integer> MILESTONES = Set.of(5, 10, 25, 50, 100, 250, 500, 1000);

    // Whoever may read the post's space: open and department spaces, or members of a private one.
    private static final String MAY_READ_POST = """
            EXISTS (SELECT 1 FROM post p JOIN space s ON s.id = p.space_id
                    WHERE p.id = :post AND (s.kind <> 'private' OR EXISTS (
                        SELECT 1 FROM space_membership m WHERE m.space_id = s.id AND m.person_id = r.id AND m.role <> 'follower')))
            """;

    private final DatabaseClient db;
    private final LiveEvents live;

    Notifier(DatabaseClient db, LiveEvents live) {
        this.db = db;
        this.live = live;
    }

    public Mono<Void> mentioned(UUID actor, List<String> usernames, UUID postId, UUID commentId) {
        if (usernames.isEmpty()) {
            return Mono.empty();
        }
        return insert("""
                        SELECT gen_random_uuid(), r.id, 'mention', :actor, :post, :comment, NULL, ''
                        FROM person r WHERE r.username = ANY(:usernames) AND r.id <> :actor AND %s
                        """.formatted(MAY_READ_POST),
                spec -> spec.bind("actor", actor).bind("post", postId).bind("comment", Parameter.fromOrEmpty(commentId, UUID.class))
                        .bind("usernames", usernames.toArray(String[]::new)));
    }

    /** The post's author hears of a new comment; the parent's author of a reply. */
    public Mono<Void> commented(UUID actor, UUID postId, UUID commentId, UUID parentId) {
        Mono<Void> toAuthor = insert("""
                        SELECT gen_random_uuid(), r.id, 'comment', :actor, :post, :comment, NULL, ''
                        FROM post p JOIN person r ON r.id = p.author_id WHERE p.id = :post AND r.id <> :actor
                        """,
                spec -> spec.bind("actor", actor).bind("post", postId).bind("comment", commentId));
        if (parentId == null) {
            return toAuthor;
        }
        Mono<Void> toParent = insert("""
                        SELECT gen_random_uuid(), r.id, 'reply', :actor, :post, :comment, NULL, ''
                        FROM comment c JOIN person r ON r.id = c.author_id
                        WHERE c.id = :parent AND r.id <> :actor AND %s
                        """.formatted(MAY_READ_POST),
                spec -> spec.bind("actor", actor).bind("post", postId).bind("comment", commentId).bind("parent", parentId));
        return toAuthor.then(toParent);
    }

    /** A colleague thanked with kudos hears of it (if they may read the space it was given in). */
    public Mono<Void> thanked(UUID actor, UUID recipient, UUID postId) {
        return insert("""
                        SELECT gen_random_uuid(), r.id, 'kudos', :actor, :post, NULL, NULL, ''
                        FROM person r WHERE r.id = :recipient AND r.id <> :actor AND %s
                        """.formatted(MAY_READ_POST),
                spec -> spec.bind("actor", actor).bind("recipient", recipient).bind("post", postId));
    }

    /**
     * A closed poll's named voters hear that its results are in, and its author when the deadline
     * closed it (not when they closed it themselves). An anonymous poll's voters are known to
     * nobody, so they are not told. Nothing for a deleted or hidden post.
     */
    public Mono<Void> pollClosed(UUID postId, boolean byHand) {
        return insert("""
                        SELECT gen_random_uuid(), r.id, 'poll', NULL, :post, NULL, NULL, ''
                        FROM person r JOIN post p ON p.id = :post
                        WHERE p.deleted_at IS NULL AND p.hidden_at IS NULL
                          AND (r.id IN (SELECT person_id FROM poll_ballot WHERE post_id = :post AND person_id IS NOT NULL)
                               OR r.id = p.author_id)
                          AND NOT (:byHand AND r.id = p.author_id)
                          AND %s
                        """.formatted(MAY_READ_POST),
                spec -> spec.bind("post", postId).bind("byHand", byHand));
    }

    /** A post's author hears that a curator put it in the inspiration library ({@code detail}: the collection's title). */
    public Mono<Void> curated(UUID actor, UUID postId, UUID collectionId) {
        return insert("""
                        SELECT gen_random_uuid(), r.id, 'library', :actor, :post, NULL, NULL, c.title
                        FROM post p JOIN person r ON r.id = p.author_id JOIN collection c ON c.id = :collection
                        WHERE p.id = :post AND r.id <> :actor AND %s
                        """.formatted(MAY_READ_POST),
                spec -> spec.bind("actor", actor).bind("post", postId).bind("collection", collectionId));
    }

    /** A person hears that a colleague endorsed one of their skills ({@code detail}: the skill as they declared it). */
    public Mono<Void> endorsed(UUID actor, UUID personId, String skillKey) {
        return insert("""
                        SELECT gen_random_uuid(), k.person_id, 'endorsement', :actor, NULL, NULL, NULL, k.label
                        FROM person_skill k WHERE k.person_id = :person AND k.skill_key = :key AND k.person_id <> :actor
                        """,
                spec -> spec.bind("actor", actor).bind("person", personId).bind("key", skillKey));
    }

    /**
     * The people a new advocacy item is for (its departments, or everyone) hear of it, the
     * moderator who promoted it aside ({@code detail}: its title); one statement for all of them.
     */
    public Mono<Void> promoted(UUID actor, UUID itemId) {
        return db.sql("""
                        INSERT INTO notification (id, person_id, kind, actor_id, post_id, comment_id, space_id, detail)
                        SELECT gen_random_uuid(), r.id, 'advocacy', :actor, NULL, NULL, NULL, i.title
                        FROM advocacy_item i
                        JOIN person r ON r.disabled_at IS NULL AND r.id <> :actor
                                     AND (cardinality(i.departments) = 0 OR r.department = ANY (i.departments))
                        WHERE i.id = :item
                        RETURNING person_id""")
                .bind("actor", actor).bind("item", itemId)
                .map(row -> row.get("person_id", UUID.class))
                .all()
                .collectList()
                .flatMap(live::notificationsFor);
    }

    /** People named on a challenge's jury hear of it (the jury was checked to read its space). */
    public Mono<Void> jury(UUID actor, List<UUID> jurors, UUID postId) {
        return insert("""
                        SELECT gen_random_uuid(), r.id, 'jury', :actor, :post, NULL, NULL, ''
                        FROM person r WHERE r.id = ANY(:jurors) AND r.id <> :actor AND %s
                        """.formatted(MAY_READ_POST),
                spec -> spec.bind("actor", actor).bind("post", postId).bind("jurors", jurors.toArray(UUID[]::new)));
    }

    /**
     * An idea's author and followers hear that its status changed ({@code detail} the new status;
     * {@code actor} null when the challenge's close selected it).
     */
    public Mono<Void> ideaMoved(UUID actor, UUID ideaId, String status) {
        return insert("""
                        SELECT gen_random_uuid(), r.id, 'idea', :actor, :post, NULL, NULL, :status
                        FROM person r
                        WHERE (r.id = (SELECT author_id FROM post WHERE id = :post)
                               OR r.id IN (SELECT person_id FROM idea_follower WHERE idea_id = :post))
                          AND r.id IS DISTINCT FROM :actor AND %s
                        """.formatted(MAY_READ_POST),
                spec -> spec.bind("actor", Parameter.fromOrEmpty(actor, UUID.class)).bind("post", ideaId).bind("status", status));
    }

    /** The author of an answer hears that the asker accepted it (if they still may read the question). */
    public Mono<Void> accepted(UUID actor, UUID answerAuthor, UUID postId, UUID commentId) {
        return insert("""
                        SELECT gen_random_uuid(), r.id, 'accepted', :actor, :post, :comment, NULL, ''
                        FROM person r WHERE r.id = :author AND r.id <> :actor AND %s
                        """.formatted(MAY_READ_POST),
                spec -> spec.bind("actor", actor).bind("author", answerAuthor).bind("post", postId).bind("comment", commentId));
    }

    /** Once per milestone, even if votes come and go around it. */
    public Mono<Void> votes(UUID postId, int upvotes) {
        if (!MILESTONES.contains(upvotes)) {
            return Mono.empty();
        }
        return insert("""
                        SELECT gen_random_uuid(), p.author_id, 'milestone', NULL, p.id, NULL, NULL, :detail
                        FROM post p WHERE p.id = :post AND NOT EXISTS (
                            SELECT 1 FROM notification n WHERE n.post_id = p.id AND n.kind = 'milestone' AND n.detail = :detail)
                        """,
                spec -> spec.bind("post", postId).bind("detail", Integer.toString(upvotes)));
    }

    public Mono<Void> invited(UUID actor, UUID personId, UUID spaceId) {
        return insert("""
                        SELECT gen_random_uuid(), :person, 'invitation', :actor, NULL, NULL, s.id, s.name
                        FROM space s WHERE s.id = :space
                        """,
                spec -> spec.bind("actor", actor).bind("person", personId).bind("space", spaceId));
    }

    /** The owners of a private space hear of a request to join it. */
    public Mono<Void> requested(UUID actor, UUID spaceId) {
        return insert("""
                        SELECT gen_random_uuid(), m.person_id, 'request', :actor, NULL, NULL, s.id, s.name
                        FROM space s JOIN space_membership m ON m.space_id = s.id AND m.role = 'owner'
                        WHERE s.id = :space
                        """,
                spec -> spec.bind("actor", actor).bind("space", spaceId));
    }

    /** A moderator's warning to an author, about one of their posts or comments, with the reason. */
    public Mono<Void> warned(UUID moderator, UUID authorId, UUID postId, UUID commentId, String reason) {
        return insert("SELECT gen_random_uuid(), :author, 'warning', :actor, :post, :comment, NULL, :reason",
                spec -> spec.bind("author", authorId).bind("actor", moderator)
                        .bind("post", org.springframework.r2dbc.core.Parameter.fromOrEmpty(postId, UUID.class))
                        .bind("comment", org.springframework.r2dbc.core.Parameter.fromOrEmpty(commentId, UUID.class))
                        .bind("reason", reason));
    }

    private Mono<Void> insert(String select, java.util.function.UnaryOperator<DatabaseClient.GenericExecuteSpec> binder) {
        return binder.apply(db.sql("""
                        INSERT INTO notification (id, person_id, kind, actor_id, post_id, comment_id, space_id, detail)
                        """ + select + " RETURNING person_id"))
                .map(row -> row.get("person_id", UUID.class))
                .all()
                .concatMap(live::notificationFor)
                .then();
    }
}
