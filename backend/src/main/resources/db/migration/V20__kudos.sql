-- Kudos (issue 8): a post that thanks a colleague publicly with one of the company's values.

-- The company's values, the badges a kudos carries. Admins edit the list; a value taken off it is
-- retired, not deleted, so the kudos that carry it keep their badge.
CREATE TABLE company_value (
    id          text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
    label       text NOT NULL CHECK (length(label) BETWEEN 1 AND 60),
    description text NOT NULL DEFAULT '',
    position    integer NOT NULL DEFAULT 0,
    retired_at  timestamptz
);

INSERT INTO company_value (id, label, description, position) VALUES
    ('customer-first', 'Customer first', 'Puts the people we serve at the centre of the work.', 1),
    ('team-spirit', 'Team spirit', 'Helps others succeed, shares what they know.', 2),
    ('boldness', 'Boldness', 'Tries something new and says what they think.', 3),
    ('integrity', 'Integrity', 'Does what they say, says what they do.', 4),
    ('learning', 'Always learning', 'Learns, teaches, and makes mistakes useful.', 5);

ALTER TABLE post ADD COLUMN kudos_to uuid REFERENCES person (id);
ALTER TABLE post ADD COLUMN kudos_value text REFERENCES company_value (id);
ALTER TABLE post DROP CONSTRAINT post_kind_check;
ALTER TABLE post ADD CONSTRAINT post_kind_check CHECK (kind IN ('post', 'question', 'kudos'));
ALTER TABLE post ADD CONSTRAINT post_kudos_complete
    CHECK (kind <> 'kudos' OR (kudos_to IS NOT NULL AND kudos_value IS NOT NULL));

-- A person's kudos received, newest first (their profile).
CREATE INDEX post_kudos_to_idx ON post (kudos_to, created_at DESC) WHERE kind = 'kudos';

ALTER TABLE notification DROP CONSTRAINT notification_kind_check;
ALTER TABLE notification ADD CONSTRAINT notification_kind_check
    CHECK (kind IN ('mention', 'reply', 'comment', 'milestone', 'invitation', 'request', 'warning', 'accepted', 'kudos'));
