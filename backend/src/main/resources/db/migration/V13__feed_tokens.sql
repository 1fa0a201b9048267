-- Personal feed addresses: a feed reader cannot sign in, so a space's weekly digest in Atom is
-- fetched with a random token that stands for one person and one space. It reads with that
-- person's visibility at fetch time, and is revoked by deleting it.
CREATE TABLE feed_token (
    token      text        PRIMARY KEY,
    person_id  uuid        NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    space_id   uuid        NOT NULL REFERENCES space (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (person_id, space_id)
);
