package io.vigie.trends;

import io.vigie.links.Canonical;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@Repository
class TrendsRepository {

    /** A moderator's decision (null: none yet) and the article's host. */
    record Review(UUID articleId, Boolean approved, String host) {}

    private final DatabaseClient db;

    TrendsRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Map<UUID, TrendViews.Card>> cards(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("SELECT id, url, title, description, image_url, site_name FROM article WHERE id = ANY(:ids)")
                .bind("ids", ids.toArray(UUID[]::new))
                .map(row -> new TrendViews.Card(row.get("id", UUID.class), row.get("url", String.class), row.get("title", String.class),
                        row.get("description", String.class), row.get("image_url", String.class), row.get("site_name", String.class)))
                .all()
                .collectMap(TrendViews.Card::id);
    }

    /** A space's own half-life, if its owners set one. */
    Mono<Optional<Duration>> halfLife(UUID spaceId) {
        return db.sql("SELECT trend_half_life_hours FROM space WHERE id = :id").bind("id", spaceId)
                .map(row -> Optional.ofNullable(row.get("trend_half_life_hours", Integer.class)).map(Duration::ofHours))
                .one()
                .defaultIfEmpty(Optional.empty());
    }

    Mono<Void> setHalfLife(UUID spaceId, Integer hours) {
        return db.sql("UPDATE space SET trend_half_life_hours = :hours WHERE id = :id")
                .bind("id", spaceId).bind("hours", org.springframework.r2dbc.core.Parameter.fromOrEmpty(hours, Integer.class))
                .fetch().rowsUpdated().then();
    }

    Mono<Map<UUID, Review>> reviews(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("SELECT a.id, a.url, r.approved FROM article a LEFT JOIN trend_review r ON r.article_id = a.id WHERE a.id = ANY(:ids)")
                .bind("ids", ids.toArray(UUID[]::new))
                .map(row -> new Review(row.get("id", UUID.class), row.get("approved", Boolean.class), Canonical.hostOf(row.get("url", String.class))))
                .all()
                .collectMap(Review::articleId);
    }

    Mono<Boolean> decide(UUID articleId, boolean approved, UUID moderator) {
        return db.sql("""
                        INSERT INTO trend_review (article_id, approved, reviewed_by) SELECT id, :approved, :by FROM article WHERE id = :id
                        ON CONFLICT (article_id) DO UPDATE SET approved = EXCLUDED.approved, reviewed_by = EXCLUDED.reviewed_by,
                                                               reviewed_at = now()""")
                .bind("id", articleId).bind("approved", approved).bind("by", moderator)
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    Mono<Set<String>> trustedSites() {
        return db.sql("SELECT host FROM trusted_site").map(row -> row.get("host", String.class)).all().collect(Collectors.toSet());
    }

    Flux<String> trustedSiteList() {
        return db.sql("SELECT host FROM trusted_site ORDER BY host").map(row -> row.get("host", String.class)).all();
    }

    Mono<Void> trust(String host, UUID by) {
        return db.sql("INSERT INTO trusted_site (host, added_by) VALUES (:host, :by) ON CONFLICT DO NOTHING")
                .bind("host", host).bind("by", by).fetch().rowsUpdated().then();
    }

    Mono<Boolean> distrust(String host) {
        return db.sql("DELETE FROM trusted_site WHERE host = :host").bind("host", host).fetch().rowsUpdated().map(rows -> rows > 0);
    }
}
