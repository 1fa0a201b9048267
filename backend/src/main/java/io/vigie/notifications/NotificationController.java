package io.vigie.notifications;

import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A person's notifications: the latest, the unread count, and marking them read. They carry ids,
 * not content: opening one goes through the post's own permission check.
 */
@RestController
class NotificationController {

    record Notification(UUID id, String kind, UUID actorId, String actorName, UUID postId, UUID commentId, UUID spaceId,
                        String detail, OffsetDateTime createdAt, boolean read) {}

    record Inbox(long unread, List<Notification> items) {}

    private static final int LATEST = 50;

    private final DatabaseClient db;

    NotificationController(DatabaseClient db) {
        this.db = db;
    }

    @GetMapping("/api/notifications")
    Mono<Inbox> inbox(@AuthenticationPrincipal Jwt token) {
        UUID person = UUID.fromString(token.getSubject());
        Mono<Long> unread = db.sql("SELECT count(*) AS unread FROM notification WHERE person_id = :person AND read_at IS NULL")
                .bind("person", person).map(row -> row.get("unread", Long.class)).one();
        Mono<List<Notification>> items = db.sql("""
                        SELECT n.id, n.kind, n.actor_id, a.display_name, n.post_id, n.comment_id, n.space_id, n.detail,
                               n.created_at, n.read_at
                        FROM notification n LEFT JOIN person a ON a.id = n.actor_id
                        WHERE n.person_id = :person
                        ORDER BY n.created_at DESC LIMIT :limit
                        """)
                .bind("person", person).bind("limit", LATEST)
                .map(row -> new Notification(row.get("id", UUID.class), row.get("kind", String.class),
                        row.get("actor_id", UUID.class), row.get("display_name", String.class), row.get("post_id", UUID.class),
                        row.get("comment_id", UUID.class), row.get("space_id", UUID.class), row.get("detail", String.class),
                        row.get("created_at", OffsetDateTime.class), row.get("read_at", OffsetDateTime.class) != null))
                .all().collectList();
        return Mono.zip(unread, items).map(both -> new Inbox(both.getT1(), both.getT2()));
    }

    @PostMapping("/api/notifications/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> readAll(@AuthenticationPrincipal Jwt token) {
        return db.sql("UPDATE notification SET read_at = now() WHERE person_id = :person AND read_at IS NULL")
                .bind("person", UUID.fromString(token.getSubject())).fetch().rowsUpdated().then();
    }

    /** Only one's own: someone else's id changes nothing and answers the same. */
    @PostMapping("/api/notifications/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> read(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return db.sql("UPDATE notification SET read_at = now() WHERE id = :id AND person_id = :person AND read_at IS NULL")
                .bind("id", id).bind("person", UUID.fromString(token.getSubject())).fetch().rowsUpdated().then();
    }
}
