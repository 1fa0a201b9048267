-- Points, badges and leaderboards (issue 8). Nothing here counts: points are read from the
-- contributions themselves through the view below, times the admins' rules, at each request.
-- A deleted or hidden post stops counting at once, a changed rule applies to the past too, and
-- there is no counter to drift.

-- When an answer was accepted (a contribution's date); earlier acceptances read their answer's date.
ALTER TABLE post ADD COLUMN accepted_at timestamptz;

-- Points per kind of contribution, set by admins.
CREATE TABLE point_rule (
    kind     text PRIMARY KEY CHECK (kind IN ('post', 'answer', 'accepted_answer', 'idea_selected', 'share_upvote')),
    points   integer NOT NULL CHECK (points BETWEEN 0 AND 1000),
    position smallint NOT NULL
);
INSERT INTO point_rule (kind, points, position) VALUES
    ('post', 2, 1), ('answer', 3, 2), ('accepted_answer', 10, 3), ('idea_selected', 20, 4), ('share_upvote', 1, 5);

-- A person may keep out of leaderboards (and keep their points and badges to themselves).
ALTER TABLE person ADD COLUMN leaderboard_opt_out boolean NOT NULL DEFAULT false;

-- Every contribution that earns points, one row each, with who, what and when. Only in open and
-- department spaces: what happens in a private space earns no public score (a score would tell
-- outsiders someone is active there). Live content only.
CREATE VIEW contribution AS
    -- a post (a question, an idea, kudos and a share are posts too)
    SELECT p.author_id AS person_id, 'post' AS kind, p.created_at AS at, p.id AS source_id
    FROM post p JOIN space s ON s.id = p.space_id
    WHERE p.deleted_at IS NULL AND p.hidden_at IS NULL AND s.kind <> 'private'
    UNION ALL
    -- an answer: a top-level comment on someone else's question
    SELECT c.author_id, 'answer', c.created_at, c.id
    FROM comment c JOIN post p ON p.id = c.post_id JOIN space s ON s.id = p.space_id
    WHERE p.kind = 'question' AND c.parent_id IS NULL AND c.author_id <> p.author_id
      AND c.deleted_at IS NULL AND c.hidden_at IS NULL AND p.deleted_at IS NULL AND p.hidden_at IS NULL AND s.kind <> 'private'
    UNION ALL
    -- an accepted answer (not one's own)
    SELECT c.author_id, 'accepted_answer', COALESCE(p.accepted_at, c.created_at), c.id
    FROM post p JOIN comment c ON c.id = p.accepted_comment_id JOIN space s ON s.id = p.space_id
    WHERE c.author_id <> p.author_id
      AND c.deleted_at IS NULL AND c.hidden_at IS NULL AND p.deleted_at IS NULL AND p.hidden_at IS NULL AND s.kind <> 'private'
    UNION ALL
    -- an idea selected (once, at its first selection)
    SELECT p.author_id, 'idea_selected', min(e.at), p.id
    FROM idea_event e JOIN post p ON p.id = e.idea_id JOIN space s ON s.id = p.space_id
    WHERE e.status = 'selected' AND p.deleted_at IS NULL AND p.hidden_at IS NULL AND s.kind <> 'private'
    GROUP BY p.author_id, p.id
    UNION ALL
    -- an upvote from someone else on a share
    SELECT p.author_id, 'share_upvote', v.voted_at, p.id
    FROM vote v JOIN post p ON v.target_type = 'post' AND p.id = v.target_id JOIN space s ON s.id = p.space_id
    WHERE p.article_id IS NOT NULL AND v.value = 1 AND v.person_id <> p.author_id
      AND p.deleted_at IS NULL AND p.hidden_at IS NULL AND s.kind <> 'private';

-- Upvotes since a date (leaderboards of the week or month); posts by date have their index.
CREATE INDEX vote_post_up_voted_idx ON vote (voted_at) WHERE target_type = 'post' AND value = 1;
