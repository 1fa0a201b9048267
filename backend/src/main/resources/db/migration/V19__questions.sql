-- Questions and answers (issue 8): a question is a post with a title; its top-level comments are
-- the answers (voted like any comment); the asker or an owner of the space accepts one.
ALTER TABLE post ADD COLUMN kind text NOT NULL DEFAULT 'post' CHECK (kind IN ('post', 'question'));
ALTER TABLE post ADD COLUMN title text;
ALTER TABLE post ADD COLUMN accepted_comment_id uuid REFERENCES comment (id);
ALTER TABLE post ADD CONSTRAINT post_question_has_title CHECK (kind <> 'question' OR title IS NOT NULL);

-- The unanswered questions of a space, newest first (the per-space list reads PostgreSQL's twin in search).
CREATE INDEX post_open_questions_idx ON post (space_id, created_at DESC)
    WHERE kind = 'question' AND accepted_comment_id IS NULL AND deleted_at IS NULL;

ALTER TABLE notification DROP CONSTRAINT notification_kind_check;
ALTER TABLE notification ADD CONSTRAINT notification_kind_check
    CHECK (kind IN ('mention', 'reply', 'comment', 'milestone', 'invitation', 'request', 'warning', 'accepted'));
