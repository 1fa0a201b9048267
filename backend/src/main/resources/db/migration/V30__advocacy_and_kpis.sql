-- Employee advocacy (issue 9): moderators mark an article or a post as an item to share outside,
-- with a suggested text per network, an optional expiry and target departments (none: everyone).
CREATE TABLE advocacy_item (
    id           uuid        PRIMARY KEY,
    article_id   uuid        REFERENCES article (id),
    post_id      uuid        REFERENCES post (id),
    title        text        NOT NULL,
    target_url   text        NOT NULL,                 -- the only place a tracked link may lead
    campaign     text        NOT NULL,                 -- utm_campaign: a slug of the title and the id
    text_linkedin text       NOT NULL DEFAULT '',
    text_x       text        NOT NULL DEFAULT '',
    text_email   text        NOT NULL DEFAULT '',
    departments  text[]      NOT NULL DEFAULT '{}',
    expires_at   timestamptz,
    created_by   uuid        NOT NULL REFERENCES person (id),
    created_at   timestamptz NOT NULL DEFAULT now(),
    withdrawn_at timestamptz,
    CHECK (article_id IS NOT NULL OR post_id IS NOT NULL)
);
CREATE INDEX advocacy_item_created_idx ON advocacy_item (created_at DESC);

-- A share: one person's tracked link for one item on one network (sharing again reuses it). The
-- department is the sharer's at the time, so later moves do not rewrite past campaigns.
CREATE TABLE advocacy_link (
    code        text        PRIMARY KEY,               -- random, 10 characters, unguessable
    item_id     uuid        NOT NULL REFERENCES advocacy_item (id),
    person_id   uuid        NOT NULL REFERENCES person (id),
    network     text        NOT NULL CHECK (network IN ('linkedin', 'x', 'email')),
    department  text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (item_id, person_id, network)
);
CREATE INDEX advocacy_link_person_idx ON advocacy_link (person_id);
CREATE INDEX advocacy_link_created_idx ON advocacy_link (created_at);

-- A click on a tracked link: when, and whether it was the visitor's first on that link that day.
-- Nothing about the visitor is kept here.
CREATE TABLE advocacy_click (
    id         bigserial   PRIMARY KEY,
    code       text        NOT NULL REFERENCES advocacy_link (code),
    at         timestamptz NOT NULL DEFAULT now(),
    first_visit boolean    NOT NULL
);
CREATE INDEX advocacy_click_code_idx ON advocacy_click (code, at);
CREATE INDEX advocacy_click_at_idx ON advocacy_click (at);

-- De-duplication only: an HMAC of the visitor's IP address under the day's random salt. Salts and
-- these rows are deleted once their day is over (docs/security.md), so no hash outlives a day.
CREATE TABLE advocacy_salt (
    day  date  PRIMARY KEY,
    salt bytea NOT NULL
);
CREATE TABLE advocacy_visitor (
    code    text  NOT NULL,
    day     date  NOT NULL,
    visitor bytea NOT NULL,
    PRIMARY KEY (day, code, visitor)
);

-- The days on which each person used Vigie (a page or a call with their token), for the active
-- people KPIs: last_seen_at keeps only the latest day.
CREATE TABLE person_day (
    day       date NOT NULL,
    person_id uuid NOT NULL REFERENCES person (id),
    PRIMARY KEY (day, person_id)
);
-- What is known of the past: each person's last visit.
INSERT INTO person_day (day, person_id)
SELECT (last_seen_at AT TIME ZONE 'UTC')::date, id FROM person ON CONFLICT DO NOTHING;

-- KPI queries read comments and votes by time.
CREATE INDEX IF NOT EXISTS comment_created_idx ON comment (created_at);
CREATE INDEX IF NOT EXISTS vote_voted_at_idx ON vote (voted_at);
CREATE INDEX IF NOT EXISTS post_created_idx ON post (created_at);
