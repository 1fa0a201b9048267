-- Shared articles: one row per canonical URL, with the preview read from the page; a share is one
-- person putting it into one space, with a comment and tags. Visibility follows the shares: an
-- article is readable by whoever may read one of the spaces it was shared into.
CREATE TABLE article (
    id           uuid        PRIMARY KEY,
    url          text        NOT NULL UNIQUE,          -- canonical: no tracking parameters, no fragment
    title        text,
    description  text,
    image_url    text,
    site_name    text,
    published_at timestamptz,
    language     text,
    excerpt      text,
    fetched_at   timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now(),
    version      bigint      NOT NULL DEFAULT 1
);

CREATE TABLE share (
    id               uuid        PRIMARY KEY,
    article_id       uuid        NOT NULL REFERENCES article (id),
    space_id         uuid        NOT NULL REFERENCES space (id),
    person_id        uuid        NOT NULL REFERENCES person (id),
    comment_markdown text        NOT NULL DEFAULT '',
    comment_html     text        NOT NULL DEFAULT '',
    tags             text[]      NOT NULL DEFAULT '{}',
    created_at       timestamptz NOT NULL DEFAULT now(),
    deleted_at       timestamptz,
    version          bigint      NOT NULL DEFAULT 1
);
-- One live share of an article per person and space: sharing again is not a second share.
CREATE UNIQUE INDEX share_once_idx ON share (article_id, space_id, person_id) WHERE deleted_at IS NULL;
CREATE INDEX share_space_created_idx ON share (space_id, created_at DESC);
CREATE INDEX share_article_idx ON share (article_id);
