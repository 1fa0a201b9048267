-- Idea box and challenges (issue 8). An idea and a challenge are posts (kind 'idea' and
-- 'challenge', with a title), so they are searched, fed, moderated and hidden under the same space
-- rules as every post; these tables hold what only they have.
ALTER TABLE post DROP CONSTRAINT post_kind_check;
ALTER TABLE post ADD CONSTRAINT post_kind_check CHECK (kind IN ('post', 'question', 'kudos', 'idea', 'challenge'));
ALTER TABLE post DROP CONSTRAINT post_question_has_title;
ALTER TABLE post ADD CONSTRAINT post_titled_kinds_have_title CHECK (kind NOT IN ('question', 'idea', 'challenge') OR title IS NOT NULL);

-- A challenge: the post's title and text are its question; the sponsor is the post's author.
CREATE TABLE challenge (
    post_id     uuid PRIMARY KEY REFERENCES post (id) ON DELETE CASCADE,
    deadline    timestamptz NOT NULL,
    winners     smallint NOT NULL CHECK (winners BETWEEN 1 AND 10),
    -- Set once, by whichever instance closes it first (by hand or at the deadline).
    closed_at   timestamptz
);
CREATE INDEX challenge_open_idx ON challenge (deadline) WHERE closed_at IS NULL;

CREATE TABLE challenge_criterion (
    id            uuid PRIMARY KEY,
    challenge_id  uuid NOT NULL REFERENCES challenge (post_id) ON DELETE CASCADE,
    position      smallint NOT NULL,
    label         text NOT NULL CHECK (length(label) BETWEEN 1 AND 80),
    weight        smallint NOT NULL CHECK (weight BETWEEN 1 AND 100),
    UNIQUE (challenge_id, position)
);

CREATE TABLE challenge_juror (
    challenge_id  uuid NOT NULL REFERENCES challenge (post_id) ON DELETE CASCADE,
    person_id     uuid NOT NULL REFERENCES person (id),
    PRIMARY KEY (challenge_id, person_id)
);

-- An idea: the post's title and text are its title and proposal.
CREATE TABLE idea (
    post_id         uuid PRIMARY KEY REFERENCES post (id) ON DELETE CASCADE,
    problem         text NOT NULL CHECK (length(problem) BETWEEN 1 AND 4000),
    benefit         text NOT NULL CHECK (length(benefit) BETWEEN 1 AND 4000),
    challenge_id    uuid REFERENCES challenge (post_id) ON DELETE SET NULL,
    status          text NOT NULL DEFAULT 'submitted'
                    CHECK (status IN ('submitted', 'under_review', 'selected', 'in_progress', 'done', 'declined')),
    decline_reason  text CHECK (status <> 'declined' OR decline_reason IS NOT NULL),
    status_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idea_challenge_idx ON idea (challenge_id) WHERE challenge_id IS NOT NULL;
CREATE INDEX idea_status_idx ON idea (status, status_at DESC);

-- Every change of an idea's status, in order: the idea's history.
CREATE TABLE idea_event (
    id          bigserial PRIMARY KEY,
    idea_id     uuid NOT NULL REFERENCES idea (post_id) ON DELETE CASCADE,
    status      text NOT NULL,
    reason      text,
    actor_id    uuid REFERENCES person (id),
    at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idea_event_idea_idx ON idea_event (idea_id, id);

CREATE TABLE idea_follower (
    idea_id    uuid NOT NULL REFERENCES idea (post_id) ON DELETE CASCADE,
    person_id  uuid NOT NULL REFERENCES person (id),
    PRIMARY KEY (idea_id, person_id)
);

-- A juror's score of one idea on one criterion (0 to 10). Read only by the jury and the sponsor:
-- never indexed, never in a feed, a post or a notification.
CREATE TABLE jury_score (
    idea_id       uuid NOT NULL REFERENCES idea (post_id) ON DELETE CASCADE,
    criterion_id  uuid NOT NULL REFERENCES challenge_criterion (id) ON DELETE CASCADE,
    juror_id      uuid NOT NULL REFERENCES person (id),
    score         smallint NOT NULL CHECK (score BETWEEN 0 AND 10),
    scored_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (idea_id, criterion_id, juror_id)
);

-- The ranking computed at close, kept as it was then.
CREATE TABLE challenge_result (
    challenge_id  uuid NOT NULL REFERENCES challenge (post_id) ON DELETE CASCADE,
    idea_id       uuid NOT NULL REFERENCES idea (post_id) ON DELETE CASCADE,
    rank          smallint NOT NULL,
    total         numeric(6, 3) NOT NULL,
    winner        boolean NOT NULL,
    PRIMARY KEY (challenge_id, idea_id)
);

ALTER TABLE challenge ADD COLUMN announcement_id uuid REFERENCES post (id) ON DELETE SET NULL;

ALTER TABLE notification DROP CONSTRAINT notification_kind_check;
ALTER TABLE notification ADD CONSTRAINT notification_kind_check
    CHECK (kind IN ('mention', 'reply', 'comment', 'milestone', 'invitation', 'request', 'warning', 'accepted', 'kudos',
                    'idea', 'jury'));
