package io.vigie.posts;

import io.r2dbc.spi.Readable;
import io.vigie.content.UserText;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@Repository
class PostRepository {

    private static final String COLUMNS = """
            id, space_id, author_id, body_markdown, body_html, hashtags, mentions, upvotes, downvotes,
            comment_count, pinned, created_at, edited_at, COALESCE(deleted_at, hidden_at) AS deleted_at, version, article_id,
            locked, kind, title, accepted_comment_id""";

    /** The counts of a post after a vote, and the voter's own vote (0 for none). */
    record Tally(int upvotes, int downvotes, int myVote) {}

    private final DatabaseClient db;

    PostRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Post> findById(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM post WHERE id = :id").bind("id", id)
                .map(PostRepository::toPost).one();
    }

    /** Locks the post's row for the rest of the transaction, so changes to its counts serialise. */
    Mono<Post> lock(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM post WHERE id = :id AND deleted_at IS NULL FOR UPDATE").bind("id", id)
                .map(PostRepository::toPost).one();
    }

    /** A new post; with an article, a share, refused (false) when this author already shares it in this space. */
    Mono<Boolean> insert(UUID id, UUID spaceId, UUID authorId, String markdown, UserText.Rendered body, UUID articleId) {
        return insert(id, spaceId, authorId, markdown, body, articleId, PostShape.ORDINARY);
    }

    /** With a shape: a question's title, or the colleague and value of kudos. */
    Mono<Boolean> insert(UUID id, UUID spaceId, UUID authorId, String markdown, UserText.Rendered body, UUID articleId,
                         PostShape shape) {
        return db.sql("""
                        INSERT INTO post (id, space_id, author_id, body_markdown, body_html, hashtags, mentions, article_id, kind, title,
                                          kudos_to, kudos_value)
                        VALUES (:id, :space, :author, :markdown, :html, :hashtags, :mentions, :article, :kind, :title, :kudosTo, :kudosValue)
                        ON CONFLICT DO NOTHING
                        """)
                .bind("id", id).bind("space", spaceId).bind("author", authorId)
                .bind("kind", shape.kind())
                .bind("title", org.springframework.r2dbc.core.Parameter.fromOrEmpty(shape.title(), String.class))
                .bind("kudosTo", org.springframework.r2dbc.core.Parameter.fromOrEmpty(shape.kudosTo(), UUID.class))
                .bind("kudosValue", org.springframework.r2dbc.core.Parameter.fromOrEmpty(shape.kudosValue(), String.class))
                .bind("article", org.springframework.r2dbc.core.Parameter.fromOrEmpty(articleId, UUID.class))
                .bind("markdown", markdown).bind("html", body.html())
                .bind("hashtags", body.hashtags().toArray(String[]::new))
                .bind("mentions", body.mentions().toArray(String[]::new))
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    /** The live shares of an article in the spaces a reader may see, oldest first. */
    reactor.core.publisher.Flux<UUID> visibleShares(UUID articleId, Collection<UUID> memberOf) {
        return db.sql("""
                        SELECT p.id FROM post p JOIN space s ON s.id = p.space_id
                        WHERE p.article_id = :article AND p.deleted_at IS NULL AND p.hidden_at IS NULL AND (s.kind <> 'private' OR s.id = ANY(:member))
                        ORDER BY p.created_at""")
                .bind("article", articleId).bind("member", memberOf.toArray(UUID[]::new))
                .map(row -> row.get("id", UUID.class)).all();
    }

    Mono<Void> updateBody(UUID id, String markdown, UserText.Rendered body) {
        return db.sql("""
                        UPDATE post SET body_markdown = :markdown, body_html = :html, hashtags = :hashtags,
                                        mentions = :mentions, edited_at = now(), version = version + 1
                        WHERE id = :id
                        """)
                .bind("id", id).bind("markdown", markdown).bind("html", body.html())
                .bind("hashtags", body.hashtags().toArray(String[]::new))
                .bind("mentions", body.mentions().toArray(String[]::new))
                .fetch().rowsUpdated().then();
    }

    Mono<Void> softDelete(UUID id, UUID by) {
        return db.sql("UPDATE post SET deleted_at = now(), deleted_by = :by, version = version + 1 WHERE id = :id AND deleted_at IS NULL")
                .bind("id", id).bind("by", by)
                .fetch().rowsUpdated().then();
    }

    /** Hidden from every read path (a held post): the row keeps its text for the moderators. */
    Mono<Void> hide(UUID id) {
        return db.sql("UPDATE post SET hidden_at = now(), version = version + 1 WHERE id = :id").bind("id", id)
                .fetch().rowsUpdated().then();
    }

    /** The author of a live top-level comment of this post: an answer, when the post is a question. */
    Mono<UUID> answerAuthor(UUID postId, UUID commentId) {
        return db.sql("""
                        SELECT author_id FROM comment
                        WHERE id = :comment AND post_id = :post AND parent_id IS NULL AND deleted_at IS NULL AND hidden_at IS NULL""")
                .bind("comment", commentId).bind("post", postId)
                .map(row -> row.get("author_id", UUID.class)).one();
    }

    /** The accepted answer of a question (null: none). */
    Mono<Void> setAccepted(UUID id, UUID commentId) {
        return db.sql("""
                        UPDATE post SET accepted_comment_id = :comment, version = version + 1,
                                        accepted_at = CASE WHEN CAST(:comment AS uuid) IS NULL THEN NULL ELSE now() END
                        WHERE id = :id""")
                .bind("id", id).bind("comment", org.springframework.r2dbc.core.Parameter.fromOrEmpty(commentId, UUID.class))
                .fetch().rowsUpdated().then();
    }

    Mono<Void> setPinned(UUID id, boolean pinned) {
        return db.sql("UPDATE post SET pinned = :pinned, version = version + 1 WHERE id = :id")
                .bind("id", id).bind("pinned", pinned)
                .fetch().rowsUpdated().then();
    }

    /**
     * Recounts the votes into the post. Counting (rather than adding deltas) cannot drift; it runs
     * after {@link #lock}, in a new statement, so it sees every vote committed before the lock.
     */
    Mono<Tally> recount(UUID postId, UUID voterId) {
        return db.sql("""
                        UPDATE post SET
                            upvotes = (SELECT count(*) FROM vote WHERE target_type = 'post' AND target_id = :post AND value = 1),
                            downvotes = (SELECT count(*) FROM vote WHERE target_type = 'post' AND target_id = :post AND value = -1),
                            version = version + 1
                        WHERE id = :post
                        RETURNING upvotes, downvotes,
                            COALESCE((SELECT value FROM vote WHERE target_type = 'post' AND target_id = :post AND person_id = :voter), 0) AS my_vote
                        """)
                .bind("post", postId).bind("voter", voterId)
                .map(row -> new Tally(row.get("upvotes", Integer.class), row.get("downvotes", Integer.class),
                        row.get("my_vote", Integer.class)))
                .one();
    }

    /** The card of a share's article; empty for a post without one. */
    Mono<PostView.ArticleCard> articleCard(UUID articleId) {
        if (articleId == null) {
            return Mono.empty();
        }
        return db.sql("SELECT id, url, title, description, image_url, site_name FROM article WHERE id = :id").bind("id", articleId)
                .map(row -> new PostView.ArticleCard(row.get("id", UUID.class), row.get("url", String.class),
                        row.get("title", String.class), row.get("description", String.class), row.get("image_url", String.class),
                        row.get("site_name", String.class)))
                .one();
    }

    /** The reader's votes on these posts, for showing their own choice in a feed. */
    Mono<Map<UUID, Integer>> votesOf(UUID personId, Collection<UUID> postIds) {
        if (postIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("SELECT target_id, value FROM vote WHERE target_type = 'post' AND person_id = :person AND target_id = ANY(:ids)")
                .bind("person", personId).bind("ids", postIds.toArray(UUID[]::new))
                .map(row -> Map.entry(row.get("target_id", UUID.class), row.get("value", Short.class).intValue()))
                .all()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static Post toPost(Readable row) {
        return new Post(
                row.get("id", UUID.class),
                row.get("space_id", UUID.class),
                row.get("author_id", UUID.class),
                row.get("body_markdown", String.class),
                row.get("body_html", String.class),
                list(row.get("hashtags", String[].class)),
                list(row.get("mentions", String[].class)),
                row.get("upvotes", Integer.class),
                row.get("downvotes", Integer.class),
                row.get("comment_count", Integer.class),
                row.get("pinned", Boolean.class),
                row.get("created_at", OffsetDateTime.class),
                row.get("edited_at", OffsetDateTime.class),
                row.get("deleted_at", OffsetDateTime.class),
                row.get("version", Long.class),
                row.get("article_id", UUID.class),
                row.get("locked", Boolean.class),
                row.get("kind", String.class),
                row.get("title", String.class),
                row.get("accepted_comment_id", UUID.class));
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }
}
