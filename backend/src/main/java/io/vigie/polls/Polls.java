package io.vigie.polls;

import io.r2dbc.spi.Readable;
import io.vigie.web.ApiProblems;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Polls in PostgreSQL: created with their post, read for a page of posts at once, and ballots
 * cast, changed or withdrawn until the poll closes. Who may see the poll is the post's business
 * (callers check it first); this class decides what the reader sees of the results.
 */
@Component
public class Polls {

    private final DatabaseClient db;
    private final SecretKeySpec ballotKey;

    Polls(DatabaseClient db, PollsProperties properties) {
        this.db = db;
        this.ballotKey = new SecretKeySpec(properties.ballotSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** In the post's transaction. */
    public Mono<Void> create(UUID postId, PollDraft draft) {
        Mono<Void> poll = db.sql("INSERT INTO poll (post_id, multiple, anonymous, closes_at) VALUES (:post, :multiple, :anonymous, :closes)")
                .bind("post", postId).bind("multiple", draft.multiple()).bind("anonymous", draft.anonymous())
                .bind("closes", org.springframework.r2dbc.core.Parameter.fromOrEmpty(draft.closesAt(), OffsetDateTime.class))
                .then();
        Mono<Void> options = db.sql("""
                        INSERT INTO poll_option (post_id, position, label)
                        SELECT :post, CAST(o.n - 1 AS smallint), o.label FROM unnest(CAST(:labels AS text[])) WITH ORDINALITY AS o(label, n)""")
                .bind("post", postId).bind("labels", draft.options().toArray(String[]::new))
                .then();
        return poll.then(options);
    }

    /** The polls among these posts, as this reader sees them; posts without one are absent. */
    public Mono<Map<UUID, PollView>> forPosts(UUID readerId, Collection<UUID> postIds) {
        if (postIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        List<UUID> ids = List.copyOf(postIds);
        String[] keys = ids.stream().map(id -> voterKey(id, readerId)).toArray(String[]::new);
        return db.sql("""
                        SELECT p.post_id, p.multiple, p.anonymous, p.closes_at,
                               COALESCE(p.closed_at IS NOT NULL OR p.closes_at <= now(), false) AS closed,
                               ARRAY(SELECT o.label FROM poll_option o WHERE o.post_id = p.post_id ORDER BY o.position) AS labels,
                               ARRAY(SELECT count(b.voter_key) FROM poll_option o
                                     LEFT JOIN poll_ballot b ON b.post_id = o.post_id AND o.position = ANY (b.choices)
                                     WHERE o.post_id = p.post_id GROUP BY o.position ORDER BY o.position) AS counts,
                               (SELECT count(*) FROM poll_ballot b WHERE b.post_id = p.post_id) AS voters,
                               (SELECT b.choices FROM poll_ballot b WHERE b.post_id = p.post_id AND b.voter_key = k.voter_key) AS mine
                        FROM unnest(CAST(:ids AS uuid[]), CAST(:keys AS text[])) AS k(post_id, voter_key)
                        JOIN poll p ON p.post_id = k.post_id""")
                .bind("ids", ids.toArray(UUID[]::new)).bind("keys", keys)
                .map(Polls::toView)
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    public Mono<PollView> forPost(UUID readerId, UUID postId) {
        return forPosts(readerId, List.of(postId)).flatMap(found -> Mono.justOrEmpty(found.get(postId)))
                .switchIfEmpty(Mono.error(() -> ApiProblems.notFound("This poll")));
    }

    private static Map.Entry<UUID, PollView> toView(Readable row) {
        String[] labels = row.get("labels", String[].class);
        Long[] counts = row.get("counts", Long[].class);
        Short[] mine = row.get("mine", Short[].class);
        boolean closed = Boolean.TRUE.equals(row.get("closed", Boolean.class));
        List<Integer> myChoices = mine == null ? List.of() : Arrays.stream(mine).map(Short::intValue).toList();
        boolean resultsVisible = closed || !myChoices.isEmpty();
        List<PollView.Option> options = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            options.add(new PollView.Option(i, labels[i], resultsVisible ? counts[i] : null));
        }
        return Map.entry(row.get("post_id", UUID.class), new PollView(options, Boolean.TRUE.equals(row.get("multiple", Boolean.class)),
                Boolean.TRUE.equals(row.get("anonymous", Boolean.class)), row.get("closes_at", OffsetDateTime.class), closed,
                row.get("voters", Long.class), myChoices, resultsVisible));
    }

    /**
     * Casts or replaces the reader's ballot. The poll's row is locked first, so a ballot and a
     * closing cannot cross; 409 once closed, 400 for choices the poll does not offer.
     */
    public Mono<Void> vote(UUID readerId, UUID postId, List<Integer> choices) {
        return lockOpen(postId).flatMap(poll -> {
            List<Integer> distinct = choices == null ? List.of() : choices.stream().distinct().sorted().toList();
            if (distinct.isEmpty()) {
                return Mono.error(ApiProblems.invalid("choices", "choose at least one option"));
            }
            if (!poll.multiple() && distinct.size() > 1) {
                return Mono.error(ApiProblems.invalid("choices", "this poll takes one choice"));
            }
            if (distinct.stream().anyMatch(choice -> choice == null || choice < 0 || choice >= poll.optionCount())) {
                return Mono.error(ApiProblems.invalid("choices", "choose among the poll's " + poll.optionCount() + " options"));
            }
            return db.sql("""
                            INSERT INTO poll_ballot (post_id, voter_key, person_id, choices) VALUES (:post, :key, :person, :choices)
                            ON CONFLICT (post_id, voter_key) DO UPDATE SET choices = EXCLUDED.choices, cast_at = now()""")
                    .bind("post", postId).bind("key", voterKey(postId, readerId))
                    // An anonymous poll's ballot names nobody: the key finds it for its voter only.
                    .bind("person", org.springframework.r2dbc.core.Parameter.fromOrEmpty(poll.anonymous() ? null : readerId, UUID.class))
                    .bind("choices", distinct.stream().map(Integer::shortValue).toArray(Short[]::new))
                    .then();
        });
    }

    /** Takes the reader's ballot back, while the poll is open. */
    public Mono<Void> withdraw(UUID readerId, UUID postId) {
        return lockOpen(postId).then(db.sql("DELETE FROM poll_ballot WHERE post_id = :post AND voter_key = :key")
                .bind("post", postId).bind("key", voterKey(postId, readerId))
                .then());
    }

    /** Closes the poll now; 409 if it already is. */
    public Mono<Void> close(UUID postId) {
        return lockOpen(postId).then(db.sql("UPDATE poll SET closed_at = now() WHERE post_id = :post")
                .bind("post", postId).then());
    }

    /** A closed poll whose voters have not been told yet; {@code byHand}: closed before its deadline, by someone. */
    public record Closed(UUID postId, boolean byHand) {}

    /**
     * Claims the polls that closed since the last look (by hand or at their deadline), each once
     * whatever the number of instances; in the caller's transaction, with the notifications.
     */
    public Flux<Closed> claimClosed() {
        return db.sql("""
                        UPDATE poll SET results_told_at = now()
                        WHERE post_id IN (SELECT post_id FROM poll
                                          WHERE results_told_at IS NULL AND (closed_at IS NOT NULL OR closes_at <= now())
                                          LIMIT 50 FOR UPDATE SKIP LOCKED)
                        RETURNING post_id, closed_at IS NOT NULL AND (closes_at IS NULL OR closed_at < closes_at) AS by_hand""")
                .map(row -> new Closed(row.get("post_id", UUID.class), Boolean.TRUE.equals(row.get("by_hand", Boolean.class))))
                .all();
    }

    private record OpenPoll(boolean multiple, boolean anonymous, int optionCount) {}

    private Mono<OpenPoll> lockOpen(UUID postId) {
        return db.sql("""
                        SELECT multiple, anonymous, COALESCE(closed_at IS NOT NULL OR closes_at <= now(), false) AS closed,
                               (SELECT count(*) FROM poll_option o WHERE o.post_id = p.post_id) AS options
                        FROM poll p WHERE post_id = :post FOR UPDATE""")
                .bind("post", postId)
                .map(row -> Map.entry(Boolean.TRUE.equals(row.get("closed", Boolean.class)),
                        new OpenPoll(Boolean.TRUE.equals(row.get("multiple", Boolean.class)),
                                Boolean.TRUE.equals(row.get("anonymous", Boolean.class)), row.get("options", Long.class).intValue())))
                .one()
                .switchIfEmpty(Mono.error(() -> ApiProblems.notFound("This poll")))
                .flatMap(found -> found.getKey()
                        ? Mono.error(ApiProblems.conflict("This poll is closed."))
                        : Mono.just(found.getValue()));
    }

    /**
     * Who chose what, option by option, for a reader who may see the results of a poll that is
     * not anonymous: 403 for an anonymous poll, whoever asks.
     */
    public Mono<PollView.Voters> voters(UUID readerId, UUID postId) {
        return forPost(readerId, postId).flatMap(view -> {
            if (view.anonymous()) {
                return Mono.error(ApiProblems.forbidden("This poll is anonymous: nobody can see who chose what."));
            }
            if (!view.resultsVisible()) {
                return Mono.error(ApiProblems.forbidden("Vote first, or wait until the poll closes, to see its results."));
            }
            Map<Integer, List<PollView.Person>> byOption = new HashMap<>();
            return db.sql("""
                            SELECT c.position, pe.username, pe.display_name
                            FROM poll_ballot b
                            JOIN person pe ON pe.id = b.person_id
                            CROSS JOIN LATERAL unnest(b.choices) AS c(position)
                            WHERE b.post_id = :post
                            ORDER BY c.position, pe.display_name""")
                    .bind("post", postId)
                    .map(row -> Map.entry((int) row.get("position", Short.class),
                            new PollView.Person(row.get("username", String.class), row.get("display_name", String.class))))
                    .all()
                    .doOnNext(entry -> byOption.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(entry.getValue()))
                    .then(Mono.fromSupplier(() -> new PollView.Voters(view.options().stream()
                            .map(option -> new PollView.OptionVoters(option.position(), option.label(),
                                    byOption.getOrDefault(option.position(), List.of())))
                            .toList())));
        });
    }

    /** HMAC-SHA256 of the poll and the person, hex: a ballot's name that only the API can compute. */
    private String voterKey(UUID postId, UUID personId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(ballotKey);
            return java.util.HexFormat.of().formatHex(mac.doFinal((postId + ":" + personId).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
