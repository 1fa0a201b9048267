-- People follow people: the followed person's posts join the follower's home feed (still under
-- the visibility rule, so following someone never opens their private spaces).
CREATE TABLE person_follow (
    follower_id uuid        NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    followed_id uuid        NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    followed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (follower_id, followed_id),
    CHECK (follower_id <> followed_id)
);
CREATE INDEX person_follow_followed_idx ON person_follow (followed_id);
