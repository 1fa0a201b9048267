-- Words admins ban: a post or comment containing one is held for review (stored hidden, reported
-- by Vigie itself), never published until a moderator restores it.
CREATE TABLE banned_word (
    word       text        PRIMARY KEY,        -- folded like hashtags: lower case, no accents
    added_by   uuid        NOT NULL REFERENCES person (id),
    added_at   timestamptz NOT NULL DEFAULT now()
);
-- Vigie's own reports (a held write) have no person behind them.
ALTER TABLE report ALTER COLUMN reporter_id DROP NOT NULL;
