-- A person is created from their Keycloak token on their first call, and refreshed on later ones.
CREATE TABLE person (
    id           uuid        PRIMARY KEY,            -- Keycloak's subject (sub)
    username     text        NOT NULL UNIQUE,
    display_name text        NOT NULL,
    email        text,
    department   text,
    roles        text[]      NOT NULL DEFAULT '{}',
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX person_department_idx ON person (department);
