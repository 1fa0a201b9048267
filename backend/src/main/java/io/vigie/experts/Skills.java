package io.vigie.experts;

import io.vigie.content.Hashtags;
import io.vigie.web.ApiProblems;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Skills in PostgreSQL: declared by each person, endorsed by colleagues, and inferred from the
 * hashtags of what they write and share ("active on"). Activity counts only posts in spaces the
 * reader may see, so a private space's subjects never show through someone's profile.
 */
@Component
public class Skills {

    static final int MAX_SKILLS = 30;
    static final int MAX_LENGTH = 40;

    /** A declared skill, with its endorsements. */
    public record Declared(String skill, String label, long endorsements, boolean endorsedByMe) {}

    /** A subject someone writes about: a hashtag and how many of their visible posts carry it. */
    public record Activity(String tag, long posts) {}

    /** A person's skills as one reader sees them. */
    public record PersonSkills(List<Declared> declared, List<Activity> activeOn) {}

    /** Someone who knows about a skill, and why: declared, endorsed, active on it. */
    public record Expert(String username, String name, String department, boolean declared, long endorsements, long posts,
                         double score) {}

    private static final String VISIBLE_POST = """
            p.deleted_at IS NULL AND p.hidden_at IS NULL AND (s.kind <> 'private' OR s.id = ANY(:member))""";

    private final DatabaseClient db;
    private final io.vigie.notifications.Notifier notifier;

    Skills(DatabaseClient db, io.vigie.notifications.Notifier notifier) {
        this.notifier = notifier;
        this.db = db;
    }

    /** The key a skill is matched by: folded like a hashtag, letters and digits only. */
    static String key(String skill) {
        return Hashtags.normalise(skill.strip()).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    public Mono<PersonSkills> of(String username, UUID readerId, Collection<UUID> readerMemberOf) {
        UUID[] member = readerMemberOf.toArray(UUID[]::new);
        Mono<List<Declared>> declared = db.sql("""
                        SELECT k.skill_key, k.label, count(e.endorser_id) AS endorsements,
                               bool_or(e.endorser_id = :reader) AS mine
                        FROM person_skill k JOIN person pe ON pe.id = k.person_id
                        LEFT JOIN skill_endorsement e ON e.person_id = k.person_id AND e.skill_key = k.skill_key
                        WHERE pe.username = :username
                        GROUP BY k.skill_key, k.label, k.declared_at
                        ORDER BY count(e.endorser_id) DESC, k.declared_at""")
                .bind("username", username).bind("reader", readerId)
                .map(row -> new Declared(row.get("skill_key", String.class), row.get("label", String.class),
                        row.get("endorsements", Long.class), Boolean.TRUE.equals(row.get("mine", Boolean.class))))
                .all().collectList();
        Mono<List<Activity>> active = db.sql("""
                        SELECT t.tag, count(*) AS posts
                        FROM post p JOIN person pe ON pe.id = p.author_id JOIN space s ON s.id = p.space_id
                        CROSS JOIN LATERAL unnest(p.hashtags) AS t(tag)
                        WHERE pe.username = :username AND %s
                        GROUP BY t.tag ORDER BY count(*) DESC, t.tag LIMIT 10""".formatted(VISIBLE_POST))
                .bind("username", username).bind("member", member)
                .map(row -> new Activity(row.get("tag", String.class), row.get("posts", Long.class)))
                .all().collectList();
        return Mono.zip(declared, active).map(both -> new PersonSkills(both.getT1(), both.getT2()));
    }

    /**
     * Makes the person's declared skills exactly these (endorsements of kept skills stay), and
     * queues the person for search, where the skills make them findable.
     */
    public Mono<Void> declare(UUID personId, List<String> skills) {
        if (skills.size() > MAX_SKILLS) {
            return Mono.error(ApiProblems.invalid("skills", "at most " + MAX_SKILLS + " skills"));
        }
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String skill : skills) {
            String label = skill == null ? "" : skill.strip().replaceAll("\\s+", " ");
            if (label.isEmpty() || label.length() > MAX_LENGTH || key(label).isEmpty()) {
                return Mono.error(ApiProblems.invalid("skills", "a skill is 1 to " + MAX_LENGTH + " characters with a letter or digit: \""
                        + label + "\""));
            }
            byKey.putIfAbsent(key(label), label);
        }
        Mono<Long> removed = db.sql("DELETE FROM person_skill WHERE person_id = :person AND NOT (skill_key = ANY(:keys))")
                .bind("person", personId).bind("keys", byKey.keySet().toArray(String[]::new)).fetch().rowsUpdated();
        Flux<Long> added = Flux.fromIterable(byKey.entrySet()).concatMap(skill -> db.sql("""
                        INSERT INTO person_skill (person_id, skill_key, label) VALUES (:person, :key, :label)
                        ON CONFLICT (person_id, skill_key) DO UPDATE SET label = EXCLUDED.label""")
                .bind("person", personId).bind("key", skill.getKey()).bind("label", skill.getValue()).fetch().rowsUpdated());
        // The person's search document carries their skills: a new version, queued for the indexer.
        Mono<Long> reindexed = db.sql("""
                        WITH bumped AS (UPDATE person SET version = version + 1 WHERE id = :person RETURNING id)
                        INSERT INTO outbox (entity_type, entity_id) SELECT 'PERSON', id FROM bumped""")
                .bind("person", personId).fetch().rowsUpdated();
        return removed.thenMany(added).then(reindexed).then();
    }

    /** Endorses (or stops endorsing) a skill someone declared; 404 for a skill they did not declare, 400 for one's own. */
    public Mono<Void> endorse(UUID endorserId, String username, String skill, boolean on) {
        return db.sql("SELECT k.person_id FROM person_skill k JOIN person pe ON pe.id = k.person_id WHERE pe.username = :username AND k.skill_key = :key")
                .bind("username", username).bind("key", key(skill))
                .map(row -> row.get("person_id", UUID.class)).one()
                .switchIfEmpty(Mono.error(() -> ApiProblems.notFound("This skill")))
                .filter(person -> !person.equals(endorserId))
                .switchIfEmpty(Mono.error(() -> ApiProblems.invalid("skill", "endorse a colleague's skill, not your own")))
                .flatMap(person -> (on
                        ? db.sql("INSERT INTO skill_endorsement (person_id, skill_key, endorser_id) VALUES (:person, :key, :endorser) ON CONFLICT DO NOTHING")
                        : db.sql("DELETE FROM skill_endorsement WHERE person_id = :person AND skill_key = :key AND endorser_id = :endorser"))
                        .bind("person", person).bind("key", key(skill)).bind("endorser", endorserId)
                        .fetch().rowsUpdated()
                        // A new endorsement is news to its person; taking one back or repeating it is not.
                        .flatMap(changed -> on && changed > 0 ? notifier.endorsed(endorserId, person, key(skill)) : Mono.<Void>empty()));
    }

    /**
     * People who know about a skill, best first: declaring it counts 3, endorsements 2 × ln(1 + n),
     * posts on it (in spaces the reader may see) ln(1 + n). Nobody who merely exists is listed.
     */
    public Flux<Expert> experts(String skill, Collection<UUID> readerMemberOf, int limit) {
        String key = key(skill);
        if (key.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("""
                        WITH declared AS (SELECT person_id FROM person_skill WHERE skill_key = :key),
                             endorsed AS (SELECT person_id, count(*) AS n FROM skill_endorsement WHERE skill_key = :key GROUP BY person_id),
                             active AS (SELECT p.author_id AS person_id, count(*) AS n
                                        FROM post p JOIN space s ON s.id = p.space_id
                                        WHERE EXISTS (SELECT 1 FROM unnest(p.hashtags) t(tag)
                                                      WHERE regexp_replace(t.tag, '[^[:alnum:]]', '', 'g') = :key) AND %s
                                        GROUP BY p.author_id)
                        SELECT pe.username, pe.display_name, pe.department, d.person_id IS NOT NULL AS declared,
                               COALESCE(e.n, 0) AS endorsements, COALESCE(a.n, 0) AS posts,
                               (CASE WHEN d.person_id IS NOT NULL THEN 3 ELSE 0 END) + 2 * ln(1 + COALESCE(e.n, 0)) + ln(1 + COALESCE(a.n, 0)) AS score
                        FROM person pe
                        LEFT JOIN declared d ON d.person_id = pe.id
                        LEFT JOIN endorsed e ON e.person_id = pe.id
                        LEFT JOIN active a ON a.person_id = pe.id
                        WHERE (d.person_id IS NOT NULL OR e.person_id IS NOT NULL OR a.person_id IS NOT NULL) AND pe.disabled_at IS NULL
                        ORDER BY score DESC, pe.display_name
                        LIMIT :limit""".formatted(VISIBLE_POST))
                .bind("key", key).bind("member", readerMemberOf.toArray(UUID[]::new)).bind("limit", limit)
                .map(row -> new Expert(row.get("username", String.class), row.get("display_name", String.class),
                        row.get("department", String.class), Boolean.TRUE.equals(row.get("declared", Boolean.class)),
                        row.get("endorsements", Long.class), row.get("posts", Long.class),
                        row.get("score", Number.class).doubleValue()))
                .all();
    }
}
