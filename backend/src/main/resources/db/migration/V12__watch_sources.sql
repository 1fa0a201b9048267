-- Watch sources: RSS and Atom feeds a space follows. The poller keeps each one's validators
-- (conditional GET), when to poll next (backing off after errors) and the last error for the
-- owners to see. New items wait in the space's watch inbox until a member promotes one (it
-- becomes a share) or dismisses it.
CREATE TABLE watch_source (
    id              uuid        PRIMARY KEY,
    space_id        uuid        NOT NULL REFERENCES space (id) ON DELETE CASCADE,
    url             text        NOT NULL,
    title           text,
    added_by        uuid        NOT NULL REFERENCES person (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    etag            text,
    last_modified   text,
    next_poll_at    timestamptz NOT NULL DEFAULT now(),
    last_polled_at  timestamptz,
    last_success_at timestamptz,
    failures        integer     NOT NULL DEFAULT 0,
    last_error      text,
    UNIQUE (space_id, url)
);
CREATE INDEX watch_source_due_idx ON watch_source (next_poll_at);

CREATE TABLE watch_item (
    id           uuid        PRIMARY KEY,
    source_id    uuid        REFERENCES watch_source (id) ON DELETE SET NULL, -- kept when the source goes
    space_id     uuid        NOT NULL REFERENCES space (id) ON DELETE CASCADE,
    url          text        NOT NULL,                 -- canonical, as shares are
    title        text,
    summary      text,
    published_at timestamptz,
    found_at     timestamptz NOT NULL DEFAULT now(),
    status       text        NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'promoted', 'dismissed')),
    decided_by   uuid        REFERENCES person (id),
    decided_at   timestamptz,
    post_id      uuid        REFERENCES post (id),
    UNIQUE (space_id, url)
);
CREATE INDEX watch_item_inbox_idx ON watch_item (space_id, status, found_at DESC);
