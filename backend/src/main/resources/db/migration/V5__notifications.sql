-- What happened that concerns a person. Written in the transaction of the change that caused it.
CREATE TABLE notification (
    id         uuid        PRIMARY KEY,
    person_id  uuid        NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    kind       text        NOT NULL CHECK (kind IN ('mention', 'reply', 'comment', 'milestone', 'invitation', 'request')),
    actor_id   uuid        REFERENCES person (id),
    post_id    uuid        REFERENCES post (id),
    comment_id uuid        REFERENCES comment (id),
    space_id   uuid        REFERENCES space (id) ON DELETE CASCADE,
    detail     text        NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL DEFAULT now(),
    read_at    timestamptz
);
CREATE INDEX notification_person_created_idx ON notification (person_id, created_at DESC);
CREATE INDEX notification_unread_idx ON notification (person_id) WHERE read_at IS NULL;
