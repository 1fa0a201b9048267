-- Search covers spaces and people too: like posts and comments, their search documents carry the
-- row's version (Elasticsearch's external version), bumped on every change that search shows.
ALTER TABLE space ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE person ADD COLUMN version bigint NOT NULL DEFAULT 1;
CREATE INDEX comment_post_idx ON comment (post_id);
