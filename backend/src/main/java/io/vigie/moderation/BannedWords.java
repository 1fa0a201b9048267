package io.vigie.moderation;

import io.vigie.content.Hashtags;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The admins' list of banned words, and holding writes that use one. Matching is on whole words,
 * folded like hashtags (case and accents ignored), so "Arnaque" matches "arnaque" but "arnaques"
 * does not; a banned phrase matches its words in a row.
 */
@Component
public class BannedWords {

    private final DatabaseClient db;
    private final AuditLog audit;

    BannedWords(DatabaseClient db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    /** The first banned word or phrase in a text, if any. */
    public Mono<java.util.Optional<String>> firstIn(String text) {
        String words = " " + fold(text) + " ";
        return list().filter(word -> words.contains(" " + word + " ")).collectList()
                .map(found -> found.stream().findFirst());
    }

    /**
     * Holds a write that was just stored hidden: Vigie reports it (so it waits in the moderators'
     * queue with the reason) and the audit log says so. Call it in the write's transaction.
     */
    public Mono<Void> hold(String type, UUID id, UUID authorId, String word) {
        String reason = "contains a banned word: " + word;
        return db.sql("INSERT INTO report (id, target_type, target_id, reporter_id, reason) VALUES (:id, :type, :target, NULL, :reason)")
                .bind("id", UUID.randomUUID()).bind("type", type).bind("target", id).bind("reason", reason)
                .fetch().rowsUpdated()
                .then(audit.record(null, "hold", type, id.toString(), reason + " (author " + authorId + ")"));
    }

    Flux<String> list() {
        return db.sql("SELECT word FROM banned_word ORDER BY word").map(row -> row.get("word", String.class)).all();
    }

    Mono<String> add(String word, UUID admin) {
        String folded = fold(word);
        return db.sql("INSERT INTO banned_word (word, added_by) VALUES (:word, :by) ON CONFLICT DO NOTHING")
                .bind("word", folded).bind("by", admin).fetch().rowsUpdated()
                .then(audit.record(admin, "ban-word", "word", folded, ""))
                .thenReturn(folded);
    }

    Mono<Boolean> remove(String word, UUID admin) {
        String folded = fold(word);
        return db.sql("DELETE FROM banned_word WHERE word = :word").bind("word", folded).fetch().rowsUpdated()
                .flatMap(rows -> rows > 0 ? audit.record(admin, "unban-word", "word", folded, "").thenReturn(true) : Mono.just(false));
    }

    /** Lower case, no accents, words separated by single spaces. */
    static String fold(String text) {
        return Arrays.stream(Hashtags.normalise(text == null ? "" : text).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty()).collect(Collectors.joining(" "));
    }
}
