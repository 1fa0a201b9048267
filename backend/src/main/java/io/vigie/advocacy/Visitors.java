package io.vigie.advocacy;

import io.vigie.system.Periodic;
import jakarta.annotation.PreDestroy;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counts clicks on tracked links, telling a visitor's first click of the day from the others
 * without keeping who they are: the IP address is never stored, only an HMAC of it under a random
 * salt made for the day (shared by every instance through PostgreSQL). Once the day is over, the
 * sweep deletes that salt and the day's hashes, so no hash can be traced back even by someone
 * holding the database. What stays is the click: when, which link, first of the day or not.
 */
@Component
class Visitors {

    private static final SecureRandom RANDOM = new SecureRandom();

    private record Salt(LocalDate day, byte[] bytes) {}

    private final DatabaseClient db;
    private final AdvocacyProperties properties;
    private final AtomicReference<Salt> salt = new AtomicReference<>();
    private Disposable sweep;

    Visitors(DatabaseClient db, AdvocacyProperties properties) {
        this.db = db;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        sweep = Periodic.every(properties.sweepEvery(), "advocacy: forgetting past visitors", this::forgetPastDays);
    }

    @PreDestroy
    void stop() {
        if (sweep != null) {
            sweep.dispose();
        }
    }

    /** Records a click on the link; answers whether it was this visitor's first on it today. */
    Mono<Boolean> click(String code, InetAddress visitor) {
        LocalDate today = Advocacy.today();
        return saltOf(today).flatMap(key -> db.sql("""
                        WITH first AS (INSERT INTO advocacy_visitor (code, day, visitor) VALUES (:code, :day, :visitor)
                                       ON CONFLICT DO NOTHING RETURNING 1)
                        INSERT INTO advocacy_click (code, first_visit) SELECT :code, EXISTS (SELECT 1 FROM first)
                        RETURNING first_visit""")
                .bind("code", code)
                .bind("day", today)
                .bind("visitor", hmac(key, visitor == null ? new byte[0] : visitor.getAddress()))
                .map(row -> Boolean.TRUE.equals(row.get("first_visit", Boolean.class)))
                .one());
    }

    /** Deletes the salts and visitor hashes of every day before today; answers how many hashes went. */
    Mono<Long> forgetPastDays() {
        LocalDate today = Advocacy.today();
        return db.sql("DELETE FROM advocacy_salt WHERE day < :today").bind("today", today).fetch().rowsUpdated()
                .then(db.sql("DELETE FROM advocacy_visitor WHERE day < :today").bind("today", today).fetch().rowsUpdated());
    }

    /** The day's salt: the first instance to need it makes it, every other reads it. */
    private Mono<byte[]> saltOf(LocalDate day) {
        Salt known = salt.get();
        if (known != null && known.day().equals(day)) {
            return Mono.just(known.bytes());
        }
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        return db.sql("INSERT INTO advocacy_salt (day, salt) VALUES (:day, :salt) ON CONFLICT DO NOTHING")
                .bind("day", day).bind("salt", fresh).fetch().rowsUpdated()
                .then(db.sql("SELECT salt FROM advocacy_salt WHERE day = :day").bind("day", day)
                        .map(row -> row.get("salt", byte[].class)).one())
                .doOnNext(bytes -> salt.set(new Salt(day, bytes)));
    }

    private static byte[] hmac(byte[] key, byte[] value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(value);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
