-- The expert directory (issue 8): skills people declare, and colleagues' endorsements of them.
-- skill_key is the skill folded for matching (lower case, no accents, letters and digits only),
-- so "Data science", "data-science" and the hashtag #datascience are one skill.
CREATE TABLE person_skill (
    person_id   uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    skill_key   text NOT NULL CHECK (length(skill_key) BETWEEN 1 AND 40),
    label       text NOT NULL CHECK (length(label) BETWEEN 1 AND 40),
    declared_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (person_id, skill_key)
);
CREATE INDEX person_skill_key_idx ON person_skill (skill_key);

CREATE TABLE skill_endorsement (
    person_id   uuid NOT NULL,
    skill_key   text NOT NULL,
    endorser_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (person_id, skill_key, endorser_id),
    -- An endorsement goes with the skill: a skill taken off a profile takes its endorsements along.
    FOREIGN KEY (person_id, skill_key) REFERENCES person_skill (person_id, skill_key) ON DELETE CASCADE,
    CHECK (endorser_id <> person_id)
);
CREATE INDEX skill_endorsement_key_idx ON skill_endorsement (skill_key);
