package io.vigie.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * What a team would build without a search engine, on the same rows: PostgreSQL full-text search
 * with GIN indexes, feeds ordered by a SQL hot rank, trends grouped in SQL. Same readers, same
 * visibility rules, same page size, a pool of 16 connections (the API's R2DBC pool holds 20).
 * It is a baseline for speed, not for quality: it knows no typos and no stemming across languages.
 */
final class PostgresBaseline implements AutoCloseable {

    private static final int POOL = 16;

    private final BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(POOL);

    PostgresBaseline(String jdbcUrl, String user, String password) throws SQLException {
        for (int i = 0; i < POOL; i++) {
            pool.add(DriverManager.getConnection(jdbcUrl, user, password));
        }
    }

    /** The indexes the baseline needs (kept in the bench database only), built once; returns the seconds it took. */
    double prepare() throws Exception {
        long start = System.nanoTime();
        with(db -> {
            try (Statement statement = db.createStatement()) {
                statement.execute("CREATE INDEX IF NOT EXISTS baseline_post_text ON post USING gin (to_tsvector('simple', body_markdown))");
                statement.execute("CREATE INDEX IF NOT EXISTS baseline_comment_text ON comment USING gin (to_tsvector('simple', body_markdown))");
                statement.execute("CREATE INDEX IF NOT EXISTS baseline_engagement_at ON engagement (at)");
                statement.execute("ANALYZE post; ANALYZE comment; ANALYZE engagement; ANALYZE vote");
            }
            return null;
        });
        return (System.nanoTime() - start) / 1e9;
    }

    /** The spaces a person may read (search) and the spaces of their home feed. */
    record Reader(UUID id, UUID[] readable, UUID[] home) {}

    Reader reader(UUID person) throws Exception {
        return with(db -> new Reader(person,
                ids(db, "SELECT id FROM space WHERE kind <> 'private' OR id IN (SELECT space_id FROM space_membership WHERE person_id = ?)", person),
                ids(db, "SELECT space_id FROM space_membership WHERE person_id = ?", person)));
    }

    /**
     * A first page of search results: posts and comments matching the words in readable spaces,
     * ranked (or newest first), with the total, three facets and highlighted snippets.
     */
    int search(Reader reader, String words, String type, String tag, UUID space, String department, boolean newest) throws Exception {
        String sql = """
                WITH q AS (SELECT websearch_to_tsquery('simple', ?) AS q),
                hits AS (
                    SELECT p.id, 'post' AS type, p.space_id, p.hashtags, p.author_id, p.created_at, p.body_markdown,
                           ts_rank(to_tsvector('simple', p.body_markdown), q.q) AS rank
                    FROM post p, q
                    WHERE to_tsvector('simple', p.body_markdown) @@ q.q AND p.deleted_at IS NULL AND p.hidden_at IS NULL
                      AND p.space_id = ANY(?)
                    UNION ALL
                    SELECT c.id, 'comment', p.space_id, '{}', c.author_id, c.created_at, c.body_markdown,
                           ts_rank(to_tsvector('simple', c.body_markdown), q.q)
                    FROM comment c JOIN post p ON p.id = c.post_id, q
                    WHERE to_tsvector('simple', c.body_markdown) @@ q.q AND c.deleted_at IS NULL AND c.hidden_at IS NULL
                      AND p.deleted_at IS NULL AND p.space_id = ANY(?)),
                filtered AS (
                    SELECT h.* FROM hits h JOIN person a ON a.id = h.author_id
                    WHERE (?::text IS NULL OR h.type = ?) AND (?::text IS NULL OR ? = ANY(h.hashtags))
                      AND (?::uuid IS NULL OR h.space_id = ?) AND (?::text IS NULL OR a.department = ?)),
                page AS (SELECT * FROM filtered ORDER BY %s LIMIT 20)
                SELECT (SELECT count(*) FROM filtered) AS total,
                       (SELECT json_agg(json_build_object('id', id, 'snippet',
                                ts_headline('simple', body_markdown, (SELECT q FROM q), 'MaxFragments=1'))) FROM page) AS items,
                       (SELECT json_object_agg(type, n) FROM (SELECT type, count(*) n FROM filtered GROUP BY type) f) AS types,
                       (SELECT json_agg(f) FROM (SELECT space_id, count(*) n FROM filtered GROUP BY space_id ORDER BY n DESC LIMIT 10) f) AS spaces,
                       (SELECT json_agg(f) FROM (SELECT tag, count(*) n FROM filtered, unnest(hashtags) tag GROUP BY tag
                                                ORDER BY n DESC LIMIT 10) f) AS tags
                """.formatted(newest ? "created_at DESC" : "rank DESC, created_at DESC");
        return with(db -> {
            try (PreparedStatement statement = db.prepareStatement(sql)) {
                Array readable = db.createArrayOf("uuid", reader.readable());
                int i = 1;
                statement.setString(i++, words);
                statement.setArray(i++, readable);
                statement.setArray(i++, readable);
                statement.setString(i++, type);
                statement.setString(i++, type);
                statement.setString(i++, tag);
                statement.setString(i++, tag);
                statement.setObject(i++, space);
                statement.setObject(i++, space);
                statement.setString(i++, department);
                statement.setString(i, department);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getInt("total");
                }
            }
        });
    }

    /** A first page of the home feed: by a hot rank (votes and freshness, as Reddit's), or newest first. */
    int homeFeed(Reader reader, boolean latest) throws Exception {
        String order = latest ? "p.created_at DESC"
                : "sign(p.upvotes - p.downvotes) * log(greatest(abs(p.upvotes - p.downvotes), 1)) + extract(epoch FROM p.created_at) / 45000 DESC";
        String sql = """
                SELECT p.id, p.body_html, p.upvotes, p.downvotes, p.comment_count, p.created_at, a.display_name, s.name AS space_name,
                       ar.title AS article_title, ar.url AS article_url, v.value AS my_vote
                FROM (SELECT * FROM post p WHERE p.space_id = ANY(?) AND p.deleted_at IS NULL AND p.hidden_at IS NULL
                      ORDER BY %s LIMIT 20) p
                JOIN person a ON a.id = p.author_id
                JOIN space s ON s.id = p.space_id
                LEFT JOIN article ar ON ar.id = p.article_id
                LEFT JOIN vote v ON v.target_type = 'post' AND v.target_id = p.id AND v.person_id = ?
                """.formatted(order);
        return with(db -> {
            try (PreparedStatement statement = db.prepareStatement(sql)) {
                statement.setArray(1, db.createArrayOf("uuid", reader.home()));
                statement.setObject(2, reader.id());
                int n = 0;
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        n++;
                    }
                }
                return n;
            }
        });
    }

    /**
     * Rising articles: distinct people in the last six hours against the expectation from the week
     * before, at least three of them; company-wide keeps approved or trusted articles only.
     */
    int rising(Reader reader, UUID space) throws Exception {
        String sql = """
                SELECT e.article_id,
                       count(DISTINCT e.person_id) FILTER (WHERE e.at > now() - interval '6 hours') AS recent,
                       count(DISTINCT e.person_id) FILTER (WHERE e.at <= now() - interval '6 hours') AS before
                FROM engagement e JOIN article ar ON ar.id = e.article_id
                WHERE e.removed_at IS NULL AND e.at > now() - interval '7 days 6 hours' AND e.space_id = ANY(?)
                  AND (?::uuid IS NOT NULL OR EXISTS (SELECT 1 FROM trend_review r WHERE r.article_id = e.article_id AND r.approved)
                       OR EXISTS (SELECT 1 FROM trusted_site t WHERE ar.url LIKE 'https://' || t.host || '/%'))
                GROUP BY e.article_id
                HAVING count(DISTINCT e.person_id) FILTER (WHERE e.at > now() - interval '6 hours') >= 3
                ORDER BY count(DISTINCT e.person_id) FILTER (WHERE e.at > now() - interval '6 hours')
                         - count(DISTINCT e.person_id) FILTER (WHERE e.at <= now() - interval '6 hours') * 6.0 / 168 DESC
                LIMIT 20
                """;
        return trendQuery(reader, space, sql);
    }

    /** The week's top articles: the most distinct people engaging in seven days. */
    int topOfTheWeek(Reader reader, UUID space) throws Exception {
        String sql = """
                SELECT e.article_id, count(DISTINCT e.person_id) AS people
                FROM engagement e JOIN article ar ON ar.id = e.article_id
                WHERE e.removed_at IS NULL AND e.at > now() - interval '7 days' AND e.space_id = ANY(?)
                  AND (?::uuid IS NOT NULL OR EXISTS (SELECT 1 FROM trend_review r WHERE r.article_id = e.article_id AND r.approved)
                       OR EXISTS (SELECT 1 FROM trusted_site t WHERE ar.url LIKE 'https://' || t.host || '/%'))
                GROUP BY e.article_id ORDER BY people DESC LIMIT 20
                """;
        return trendQuery(reader, space, sql);
    }

    private int trendQuery(Reader reader, UUID space, String sql) throws Exception {
        return with(db -> {
            try (PreparedStatement statement = db.prepareStatement(sql)) {
                statement.setArray(1, db.createArrayOf("uuid", space == null ? publicSpaces(db) : new UUID[] {space}));
                statement.setObject(2, space);
                int n = 0;
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        n++;
                    }
                }
                return n;
            }
        });
    }

    /** Company-wide trends read open and department spaces only (private activity never trends). */
    private static UUID[] publicSpaces(Connection db) throws SQLException {
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id FROM space WHERE kind <> 'private'")) {
            List<UUID> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
            return ids.toArray(UUID[]::new);
        }
    }

    private static UUID[] ids(Connection db, String sql, UUID person) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setObject(1, person);
            try (ResultSet rows = statement.executeQuery()) {
                List<UUID> ids = new ArrayList<>();
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
                return ids.toArray(UUID[]::new);
            }
        }
    }

    interface Work<T> {
        T run(Connection db) throws Exception;
    }

    private <T> T with(Work<T> work) throws Exception {
        Connection db = pool.take();
        try {
            return work.run(db);
        } finally {
            pool.add(db);
        }
    }

    @Override
    public void close() {
        for (Connection db : pool) {
            try {
                db.close();
            } catch (SQLException ignored) {
                // closing at exit: nothing left to do with it
            }
        }
    }
}
