-- Polls (issue 8): a post may carry one. Options are fixed at creation.
CREATE TABLE poll (
    post_id     uuid PRIMARY KEY REFERENCES post (id) ON DELETE CASCADE,
    multiple    boolean NOT NULL DEFAULT false,
    -- Anonymous: nobody, admins included, may see who chose what; see poll_ballot.
    anonymous   boolean NOT NULL DEFAULT false,
    -- The deadline the author set (null: open until closed by hand).
    closes_at   timestamptz,
    -- When the author (or an owner or moderator) closed it early.
    closed_at   timestamptz
);

CREATE TABLE poll_option (
    post_id   uuid NOT NULL REFERENCES poll (post_id) ON DELETE CASCADE,
    position  smallint NOT NULL CHECK (position >= 0),
    label     text NOT NULL,
    PRIMARY KEY (post_id, position)
);

-- One ballot per person and poll, changeable until the poll closes. voter_key is an HMAC of the
-- poll and the person under a secret the API holds (vigie.polls.ballot-secret): the API finds a
-- person's own ballot with it, while the rows of an anonymous poll carry no person id, so the
-- database alone does not say who chose what. Named polls keep person_id to list voters.
CREATE TABLE poll_ballot (
    post_id    uuid NOT NULL REFERENCES poll (post_id) ON DELETE CASCADE,
    voter_key  text NOT NULL,
    person_id  uuid REFERENCES person (id),
    choices    smallint[] NOT NULL CHECK (cardinality(choices) > 0),
    cast_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (post_id, voter_key)
);
