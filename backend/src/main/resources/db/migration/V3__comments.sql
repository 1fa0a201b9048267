-- Comments on posts, with one level of replies (a reply's parent is a top-level comment).
CREATE TABLE comment (
    id            uuid        PRIMARY KEY,
    post_id       uuid        NOT NULL REFERENCES post (id),
    parent_id     uuid        REFERENCES comment (id),
    author_id     uuid        NOT NULL REFERENCES person (id),
    body_markdown text        NOT NULL,
    body_html     text        NOT NULL,
    mentions      text[]      NOT NULL DEFAULT '{}',
    upvotes       integer     NOT NULL DEFAULT 0,
    downvotes     integer     NOT NULL DEFAULT 0,
    created_at    timestamptz NOT NULL DEFAULT now(),
    edited_at     timestamptz,
    deleted_at    timestamptz,
    version       bigint      NOT NULL DEFAULT 1
);
CREATE INDEX comment_post_created_idx ON comment (post_id, created_at);
