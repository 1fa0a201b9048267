-- Trends: how long a space's rising articles keep their peak (null: the company default), the
-- moderators' decisions on company-wide trends, and the sites whose articles need none.
ALTER TABLE space ADD COLUMN trend_half_life_hours integer CHECK (trend_half_life_hours BETWEEN 1 AND 720);

CREATE TABLE trend_review (
    article_id  uuid        PRIMARY KEY REFERENCES article (id),
    approved    boolean     NOT NULL,
    reviewed_by uuid        NOT NULL REFERENCES person (id),
    reviewed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE trusted_site (
    host       text        PRIMARY KEY,             -- lower case, as in an article's canonical URL
    added_by   uuid        NOT NULL REFERENCES person (id),
    added_at   timestamptz NOT NULL DEFAULT now()
);
