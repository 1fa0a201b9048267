-- SSO administration (issue 6). Keycloak stays the source of truth for accounts; Vigie keeps what
-- an admin changed so that a token issued before the change cannot undo it.

-- When an admin last changed this person's department or roles through Vigie: a token issued
-- earlier still carries the old claims, and its sign-in must not write them back.
ALTER TABLE person ADD COLUMN directory_changed_at timestamptz;

-- Set when an admin disables the account: Vigie refuses the person's remaining tokens at once,
-- instead of waiting for them to expire.
ALTER TABLE person ADD COLUMN disabled_at timestamptz;
