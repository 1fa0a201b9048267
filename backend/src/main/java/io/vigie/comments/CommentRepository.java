package io.vigie.comments;

import io.r2dbc.spi.Readable;
import io.vigie.posts.PostView;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Repository
class CommentRepository {

    /** A stored comment, with its author's names and the reader's vote. */
    record Row(UUID id, UUID postId, UUID parentId, UUID authorId, String username, String authorName, String markdown,
               String html, int upvotes, int downvotes, OffsetDateTime createdAt, OffsetDateTime editedAt,
               OffsetDateTime deletedAt, int myVote) {

        CommentView view(List<CommentView> replies) {
            boolean deleted = deletedAt != null;
            return new CommentView(id, postId, parentId, new PostView.AuthorRef(authorId, username, authorName),
                    deleted ? null : html, deleted ? null : markdown, createdAt, editedAt, deleted,
                    upvotes, downvotes, upvotes - downvotes, myVote, replies, false);
        }
    }

    private static final String SELECT = """
            SELECT c.id, c.post_id, c.parent_id, c.author_id, a.username, a.display_name, c.body_markdown, c.body_html,
                   c.upvotes, c.downvotes, c.created_at, c.edited_at, COALESCE(c.deleted_at, c.hidden_at) AS deleted_at,
                   COALESCE((SELECT v.value FROM vote v WHERE v.target_type = 'comment' AND v.target_id = c.id
                             AND v.person_id = :reader), 0) AS my_vote
            FROM comment c JOIN person a ON a.id = c.author_id
            """;

    private final DatabaseClient db;

    CommentRepository(DatabaseClient db) {
        this.db = db;
    }

    Flux<Row> ofPost(UUID postId, UUID readerId) {
        return db.sql(SELECT + " WHERE c.post_id = :post ORDER BY c.created_at, c.id")
                .bind("post", postId).bind("reader", readerId)
                .map(CommentRepository::toRow).all();
    }

    Mono<Row> find(UUID id, UUID readerId) {
        return db.sql(SELECT + " WHERE c.id = :id").bind("id", id).bind("reader", readerId)
                .map(CommentRepository::toRow).one();
    }

    Mono<Void> insert(UUID id, UUID postId, UUID parentId, UUID authorId, String markdown, String html, List<String> mentions) {
        return db.sql("""
                        INSERT INTO comment (id, post_id, parent_id, author_id, body_markdown, body_html, mentions)
                        VALUES (:id, :post, :parent, :author, :markdown, :html, :mentions)
                        """)
                .bind("id", id).bind("post", postId).bind("parent", Parameter.fromOrEmpty(parentId, UUID.class))
                .bind("author", authorId).bind("markdown", markdown).bind("html", html)
                .bind("mentions", mentions.toArray(String[]::new))
                .fetch().rowsUpdated().then();
    }

    /** Hidden from every read path (a held comment): the row keeps its text for the moderators. */
    Mono<Void> hide(UUID id) {
        return db.sql("UPDATE comment SET hidden_at = now(), version = version + 1 WHERE id = :id").bind("id", id)
                .fetch().rowsUpdated().then();
    }

    Mono<Void> updateBody(UUID id, String markdown, String html, List<String> mentions) {
        return db.sql("""
                        UPDATE comment SET body_markdown = :markdown, body_html = :html, mentions = :mentions,
                                           edited_at = now(), version = version + 1
                        WHERE id = :id
                        """)
                .bind("id", id).bind("markdown", markdown).bind("html", html).bind("mentions", mentions.toArray(String[]::new))
                .fetch().rowsUpdated().then();
    }

    Mono<Void> softDelete(UUID id) {
        return db.sql("UPDATE comment SET deleted_at = now(), version = version + 1 WHERE id = :id AND deleted_at IS NULL")
                .bind("id", id).fetch().rowsUpdated().then();
    }

    /** Keeps the post's comment count true (live comments only), and bumps its version for the index. */
    Mono<Void> recountOnPost(UUID postId) {
        return db.sql("""
                        UPDATE post SET comment_count = (SELECT count(*) FROM comment WHERE post_id = :post AND deleted_at IS NULL),
                                        version = version + 1
                        WHERE id = :post
                        """)
                .bind("post", postId).fetch().rowsUpdated().then();
    }

    private static Row toRow(Readable row) {
        return new Row(
                row.get("id", UUID.class), row.get("post_id", UUID.class), row.get("parent_id", UUID.class),
                row.get("author_id", UUID.class), row.get("username", String.class), row.get("display_name", String.class),
                row.get("body_markdown", String.class), row.get("body_html", String.class),
                row.get("upvotes", Integer.class), row.get("downvotes", Integer.class),
                row.get("created_at", OffsetDateTime.class), row.get("edited_at", OffsetDateTime.class),
                row.get("deleted_at", OffsetDateTime.class), row.get("my_vote", Integer.class));
    }
}
