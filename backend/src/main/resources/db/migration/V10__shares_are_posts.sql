-- A share becomes a post that carries an article: it lives in its space's feed, is searched, voted
-- and discussed like any post, and inherits the space's visibility on every path. What people do
-- around shared articles (share, up-vote, comment) is logged in `engagement`, the raw material of
-- trends, and indexed like the rest.

ALTER TABLE post ADD COLUMN article_id uuid REFERENCES article (id);
-- Sharing the same article again in the same space is not a second share.
CREATE UNIQUE INDEX post_share_once_idx ON post (article_id, space_id, author_id)
    WHERE article_id IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX post_article_idx ON post (article_id) WHERE article_id IS NOT NULL;

-- Themes: words drawn from the article's title and description, beside the sharers' own tags.
ALTER TABLE article ADD COLUMN keywords text[] NOT NULL DEFAULT '{}';

-- One row per person and act around a shared article. `post_id` is the share the act hangs on;
-- `source_id` is the act itself (the share's post, the voted post, the comment). A withdrawn act
-- (vote removed or turned down, comment or share deleted) keeps its row with `removed_at`, so
-- its search document is deleted through the outbox like anything else.
CREATE TABLE engagement (
    id         uuid        PRIMARY KEY,
    kind       text        NOT NULL CHECK (kind IN ('share', 'vote', 'comment')),
    source_id  uuid        NOT NULL,
    post_id    uuid        NOT NULL REFERENCES post (id),
    person_id  uuid        NOT NULL REFERENCES person (id),
    article_id uuid        NOT NULL REFERENCES article (id),
    space_id   uuid        NOT NULL REFERENCES space (id),
    at         timestamptz NOT NULL,
    removed_at timestamptz,
    version    bigint      NOT NULL DEFAULT 1,
    UNIQUE (kind, source_id, person_id)
);
CREATE INDEX engagement_post_idx ON engagement (post_id);
CREATE INDEX engagement_space_idx ON engagement (space_id);

-- Triggers rather than calls from each write path: every path that writes a share, a vote or a
-- comment (the API, demo content, the benchmark's bulk loader) records the engagement and its
-- outbox row in the same statement, so none can forget it.
CREATE FUNCTION engagement_record(p_kind text, p_source uuid, p_post uuid, p_person uuid, p_at timestamptz,
                                  p_removed timestamptz) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    shared post%ROWTYPE;
    row_id uuid;
BEGIN
    SELECT * INTO shared FROM post WHERE id = p_post;
    IF shared.article_id IS NULL THEN
        RETURN;
    END IF;
    INSERT INTO engagement AS e (id, kind, source_id, post_id, person_id, article_id, space_id, at, removed_at)
    VALUES (gen_random_uuid(), p_kind, p_source, p_post, p_person, shared.article_id, shared.space_id, p_at,
            CASE WHEN shared.deleted_at IS NOT NULL THEN COALESCE(p_removed, shared.deleted_at) ELSE p_removed END)
    ON CONFLICT (kind, source_id, person_id) DO UPDATE
        SET at = CASE WHEN e.removed_at IS NOT NULL AND EXCLUDED.removed_at IS NULL THEN EXCLUDED.at ELSE e.at END,
            removed_at = EXCLUDED.removed_at,
            version = e.version + 1
    RETURNING id INTO row_id;
    INSERT INTO outbox (entity_type, entity_id) VALUES ('ENGAGEMENT', row_id);
END $$;

CREATE FUNCTION engagement_on_post() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.article_id IS NULL THEN
        RETURN NULL;
    END IF;
    PERFORM engagement_record('share', NEW.id, NEW.id, NEW.author_id, NEW.created_at, NEW.deleted_at);
    IF TG_OP = 'UPDATE' AND NEW.deleted_at IS NOT NULL AND OLD.deleted_at IS NULL THEN
        -- A deleted share takes the votes and comments around it out of the trends.
        WITH gone AS (UPDATE engagement SET removed_at = COALESCE(removed_at, NEW.deleted_at), version = version + 1
                      WHERE post_id = NEW.id AND kind <> 'share' RETURNING id)
        INSERT INTO outbox (entity_type, entity_id) SELECT 'ENGAGEMENT', id FROM gone;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER post_engagement AFTER INSERT OR UPDATE OF deleted_at ON post
    FOR EACH ROW EXECUTE FUNCTION engagement_on_post();

-- Only up-votes are engagement: a down-vote or a removed vote withdraws it.
CREATE FUNCTION engagement_on_vote() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.target_type = 'post' THEN
            PERFORM engagement_record('vote', OLD.target_id, OLD.target_id, OLD.person_id, OLD.voted_at, now());
        END IF;
        RETURN NULL;
    END IF;
    IF NEW.target_type = 'post' THEN
        PERFORM engagement_record('vote', NEW.target_id, NEW.target_id, NEW.person_id, NEW.voted_at,
                                  CASE WHEN NEW.value = 1 THEN NULL ELSE now() END);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER vote_engagement AFTER INSERT OR UPDATE OR DELETE ON vote
    FOR EACH ROW EXECUTE FUNCTION engagement_on_vote();

CREATE FUNCTION engagement_on_comment() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM engagement_record('comment', NEW.id, NEW.post_id, NEW.author_id, NEW.created_at, NEW.deleted_at);
    RETURN NULL;
END $$;
CREATE TRIGGER comment_engagement AFTER INSERT OR UPDATE OF deleted_at ON comment
    FOR EACH ROW EXECUTE FUNCTION engagement_on_comment();

-- Existing shares become posts (same ids), each queued for the index.
INSERT INTO post (id, space_id, author_id, body_markdown, body_html, hashtags, article_id, created_at, deleted_at)
SELECT id, space_id, person_id, comment_markdown, comment_html, tags, article_id, created_at, deleted_at FROM share;
INSERT INTO outbox (entity_type, entity_id) SELECT 'POST', id FROM share;

-- Votes on articles move to the article's first share, so nothing anyone voted is lost.
INSERT INTO vote (target_type, target_id, person_id, value, voted_at)
SELECT 'post', first_share.id, v.person_id, v.value, v.voted_at
FROM vote v
JOIN LATERAL (SELECT sh.id FROM share sh WHERE sh.article_id = v.target_id AND sh.deleted_at IS NULL
              ORDER BY sh.created_at LIMIT 1) first_share ON true
WHERE v.target_type = 'article'
ON CONFLICT DO NOTHING;
UPDATE post SET upvotes = (SELECT count(*) FROM vote WHERE target_type = 'post' AND target_id = post.id AND value = 1),
                downvotes = (SELECT count(*) FROM vote WHERE target_type = 'post' AND target_id = post.id AND value = -1),
                version = version + 1
WHERE article_id IS NOT NULL;
DELETE FROM vote WHERE target_type = 'article';
ALTER TABLE vote DROP CONSTRAINT vote_target_type_check;
ALTER TABLE vote ADD CONSTRAINT vote_target_type_check CHECK (target_type IN ('post', 'comment'));
ALTER TABLE article DROP COLUMN upvotes, DROP COLUMN downvotes;
DROP TABLE share;
