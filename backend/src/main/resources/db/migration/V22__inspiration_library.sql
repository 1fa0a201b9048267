-- The inspiration library (issue 8): themed collections of posts (a share brings its article)
-- that moderators curate. A collection is company-wide; each reader sees only the items whose
-- space they may read, so a private post in a collection never reaches an outsider.
CREATE TABLE collection (
    id          uuid PRIMARY KEY,
    title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
    description text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
    created_by  uuid NOT NULL REFERENCES person (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE collection_item (
    collection_id uuid NOT NULL REFERENCES collection (id) ON DELETE CASCADE,
    post_id       uuid NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    note          text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
    added_by      uuid NOT NULL REFERENCES person (id),
    added_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (collection_id, post_id)
);
CREATE INDEX collection_item_added_idx ON collection_item (collection_id, added_at DESC);
