-- Joining a private space: an owner invites, or a person asks and an owner approves.
CREATE TABLE space_invitation (
    space_id   uuid        NOT NULL REFERENCES space (id) ON DELETE CASCADE,
    person_id  uuid        NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    invited_by uuid        NOT NULL REFERENCES person (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (space_id, person_id)
);
CREATE INDEX space_invitation_person_idx ON space_invitation (person_id);

CREATE TABLE space_request (
    space_id   uuid        NOT NULL REFERENCES space (id) ON DELETE CASCADE,
    person_id  uuid        NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    message    text        NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (space_id, person_id)
);
