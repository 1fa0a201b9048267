package io.vigie.kudos;

import io.vigie.posts.PostView;
import io.vigie.web.ApiProblems;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Kudos in PostgreSQL: a kudos is a post ({@code kind = 'kudos'}) naming the colleague it thanks
 * and a company value. This class checks a new one, reads them for a page of posts, and keeps
 * the list of values that admins edit.
 */
@Component
public class Kudos {

    /** The colleague and the value a new kudos names, once both are known to exist. */
    public record Recipient(UUID personId, String value) {}

    /** A person's kudos received, as one reader may see them: how many per value, and the latest. */
    public record Received(List<ValueCount> values, List<UUID> latest) {}

    public record ValueCount(String value, String label, long count) {}

    private final DatabaseClient db;

    Kudos(DatabaseClient db) {
        this.db = db;
    }

    /** 400 naming the field when the colleague or the value is unknown, or when one thanks oneself. */
    public Mono<Recipient> recipient(UUID giver, String username, String value) {
        if (username == null || username.isBlank()) {
            return Mono.error(ApiProblems.invalid("kudosTo", "name the colleague you thank"));
        }
        if (value == null || value.isBlank()) {
            return Mono.error(ApiProblems.invalid("value", "choose one of the company's values"));
        }
        Mono<UUID> person = db.sql("SELECT id FROM person WHERE username = :username AND disabled_at IS NULL")
                .bind("username", username.strip()).map(row -> row.get("id", UUID.class)).one()
                .switchIfEmpty(Mono.error(() -> ApiProblems.invalid("kudosTo", "nobody is called " + username.strip())))
                .filter(id -> !id.equals(giver))
                .switchIfEmpty(Mono.error(() -> ApiProblems.invalid("kudosTo", "thank a colleague, not yourself")));
        Mono<String> known = db.sql("SELECT id FROM company_value WHERE id = :value AND retired_at IS NULL")
                .bind("value", value).map(row -> row.get("id", String.class)).one()
                .switchIfEmpty(Mono.error(() -> ApiProblems.invalid("value", "is not one of the company's values")));
        return Mono.zip(person, known).map(both -> new Recipient(both.getT1(), both.getT2()));
    }

    /** The kudos among these posts (others are absent). */
    public Mono<Map<UUID, KudosView>> forPosts(Collection<UUID> postIds) {
        if (postIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("""
                        SELECT p.id, r.id AS person_id, r.username, r.display_name, v.id AS value, v.label
                        FROM post p JOIN person r ON r.id = p.kudos_to JOIN company_value v ON v.id = p.kudos_value
                        WHERE p.id = ANY(:ids) AND p.kind = 'kudos'""")
                .bind("ids", postIds.toArray(UUID[]::new))
                .map(row -> Map.entry(row.get("id", UUID.class), new KudosView(
                        new PostView.AuthorRef(row.get("person_id", UUID.class), row.get("username", String.class),
                                row.get("display_name", String.class)),
                        row.get("value", String.class), row.get("label", String.class))))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /**
     * The kudos a person received in spaces the reader may see (open and department spaces, and
     * private ones the reader belongs to): counts per value, and the latest {@code limit}.
     */
    public Mono<Received> received(String username, Collection<UUID> readerMemberOf, int limit) {
        String visible = """
                FROM post p JOIN person r ON r.id = p.kudos_to JOIN space s ON s.id = p.space_id
                WHERE r.username = :username AND p.kind = 'kudos' AND p.deleted_at IS NULL AND p.hidden_at IS NULL
                  AND (s.kind <> 'private' OR s.id = ANY(:member))""";
        UUID[] member = readerMemberOf.toArray(UUID[]::new);
        Mono<List<ValueCount>> counts = db.sql("SELECT v.id, v.label, count(*) AS n " + visible.replace("FROM post p",
                        "FROM post p JOIN company_value v ON v.id = p.kudos_value") + " GROUP BY v.id, v.label, v.position ORDER BY count(*) DESC, v.position")
                .bind("username", username).bind("member", member)
                .map(row -> new ValueCount(row.get("id", String.class), row.get("label", String.class), row.get("n", Long.class)))
                .all().collectList();
        Mono<List<UUID>> latest = db.sql("SELECT p.id " + visible + " ORDER BY p.created_at DESC LIMIT :limit")
                .bind("username", username).bind("member", member).bind("limit", limit)
                .map(row -> row.get("id", UUID.class)).all().collectList();
        return Mono.zip(counts, latest).map(both -> new Received(both.getT1(), both.getT2()));
    }

    /** The values, in their order; retired ones too when asked (the admin page). */
    public Flux<CompanyValue> values(boolean withRetired) {
        return db.sql("SELECT id, label, description, retired_at IS NOT NULL AS retired FROM company_value"
                        + (withRetired ? "" : " WHERE retired_at IS NULL") + " ORDER BY position, id")
                .map(row -> new CompanyValue(row.get("id", String.class), row.get("label", String.class),
                        row.get("description", String.class), Boolean.TRUE.equals(row.get("retired", Boolean.class))))
                .all();
    }

    /**
     * Makes the offered values exactly these, in this order: new ones added, known ones relabelled
     * (and brought back if retired), the others retired (kudos keep their badge).
     */
    public Mono<Void> replaceValues(List<CompanyValue> wanted) {
        String[] ids = wanted.stream().map(CompanyValue::id).toArray(String[]::new);
        Flux<Long> upserts = Flux.range(0, wanted.size()).concatMap(i -> db.sql("""
                        INSERT INTO company_value (id, label, description, position) VALUES (:id, :label, :description, :position)
                        ON CONFLICT (id) DO UPDATE SET label = EXCLUDED.label, description = EXCLUDED.description,
                                                       position = EXCLUDED.position, retired_at = NULL""")
                .bind("id", wanted.get(i).id()).bind("label", wanted.get(i).label())
                .bind("description", wanted.get(i).description() == null ? "" : wanted.get(i).description())
                .bind("position", i + 1)
                .fetch().rowsUpdated());
        Mono<Long> retire = db.sql("UPDATE company_value SET retired_at = now() WHERE retired_at IS NULL AND NOT (id = ANY(:ids))")
                .bind("ids", ids).fetch().rowsUpdated();
        return upserts.then(retire).then();
    }
}
