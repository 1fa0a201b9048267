-- Leaderboards on a company's data (issue 8, measured on the benchmark's 100k posts): the view's
-- answers and accepted answers scanned every post to find the few questions. Partial indexes let
-- those parts start from the questions; the view says accepted_comment_id IS NOT NULL so the
-- planner may use them.
CREATE INDEX post_question_idx ON post (id) WHERE kind = 'question';
CREATE INDEX post_accepted_answer_idx ON post (accepted_comment_id) WHERE accepted_comment_id IS NOT NULL;

CREATE OR REPLACE VIEW contribution AS
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
    WHERE p.accepted_comment_id IS NOT NULL AND c.author_id <> p.author_id
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
