-- Spaces, posts, comments and votes: the social core. PostgreSQL is the source of truth; every
-- change that search and feeds must see also writes an outbox row in the same transaction.

CREATE TABLE space (
    id          uuid        PRIMARY KEY,
    slug        text        NOT NULL UNIQUE,
    name        text        NOT NULL,
    description text        NOT NULL DEFAULT '',
    kind        text        NOT NULL CHECK (kind IN ('open', 'private', 'department')),
    department  text        UNIQUE,                  -- set for department spaces only
    color       text,
    created_by  uuid        REFERENCES person (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CHECK ((kind = 'department') = (department IS NOT NULL))
);

-- owner and member may post; follower only reads the space in their home feed.
CREATE TABLE space_membership (
    space_id  uuid        NOT NULL REFERENCES space (id) ON DELETE CASCADE,
    person_id uuid        NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    role      text        NOT NULL CHECK (role IN ('owner', 'member', 'follower')),
    joined_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (space_id, person_id)
);
CREATE INDEX space_membership_person_idx ON space_membership (person_id);

CREATE TABLE post (
    id            uuid        PRIMARY KEY,
    space_id      uuid        NOT NULL REFERENCES space (id),
    author_id     uuid        NOT NULL REFERENCES person (id),
    body_markdown text        NOT NULL,
    body_html     text        NOT NULL,
    hashtags      text[]      NOT NULL DEFAULT '{}',
    mentions      text[]      NOT NULL DEFAULT '{}',
    upvotes       integer     NOT NULL DEFAULT 0,
    downvotes     integer     NOT NULL DEFAULT 0,
    comment_count integer     NOT NULL DEFAULT 0,
    pinned        boolean     NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now(),
    edited_at     timestamptz,
    deleted_at    timestamptz,
    deleted_by    uuid        REFERENCES person (id),
    -- Bumped on every change; Elasticsearch stores it as an external version, so an old update
    -- never overwrites a newer one.
    version       bigint      NOT NULL DEFAULT 1
);
CREATE INDEX post_space_created_idx ON post (space_id, created_at DESC);
CREATE INDEX post_author_created_idx ON post (author_id, created_at DESC);

CREATE TABLE vote (
    target_type text        NOT NULL CHECK (target_type IN ('post', 'comment')),
    target_id   uuid        NOT NULL,
    person_id   uuid        NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    value       smallint    NOT NULL CHECK (value IN (-1, 1)),
    voted_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (target_type, target_id, person_id)
);

-- Work for the search indexer. Rows are claimed with FOR UPDATE SKIP LOCKED, so several API
-- instances can drain it together, and deleted only once Elasticsearch has accepted them.
CREATE TABLE outbox (
    id          bigserial   PRIMARY KEY,
    entity_type text        NOT NULL,
    entity_id   uuid        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
