-- Moderation: people report posts (shares included) and comments; enough distinct reporters hide
-- the item until a moderator decides. Moderators hide, restore, delete, lock a discussion, warn or
-- suspend an author. Every such act is written to an append-only audit log.

ALTER TABLE post ADD COLUMN hidden_at timestamptz;
ALTER TABLE post ADD COLUMN locked boolean NOT NULL DEFAULT false;
ALTER TABLE comment ADD COLUMN hidden_at timestamptz;
-- A suspended person reads but cannot write until then.
ALTER TABLE person ADD COLUMN suspended_until timestamptz;

CREATE TABLE report (
    id          uuid        PRIMARY KEY,
    target_type text        NOT NULL CHECK (target_type IN ('post', 'comment')),
    target_id   uuid        NOT NULL,
    reporter_id uuid        NOT NULL REFERENCES person (id),
    reason      text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    resolved_at timestamptz,
    resolution  text
);
-- One open report per person and item.
CREATE UNIQUE INDEX report_once_idx ON report (target_type, target_id, reporter_id) WHERE resolved_at IS NULL;
CREATE INDEX report_open_idx ON report (target_type, target_id) WHERE resolved_at IS NULL;

CREATE TABLE audit_log (
    id          bigserial   PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    actor_id    uuid,                        -- null: Vigie itself (an automatic hide)
    actor_name  text        NOT NULL,
    action      text        NOT NULL,
    target_type text        NOT NULL,
    target_id   text        NOT NULL,
    reason      text        NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);

-- Append-only: nothing the application runs can change or remove an entry.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only';
END $$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

ALTER TABLE notification DROP CONSTRAINT notification_kind_check;
ALTER TABLE notification ADD CONSTRAINT notification_kind_check
    CHECK (kind IN ('mention', 'reply', 'comment', 'milestone', 'invitation', 'request', 'warning'));

-- A hidden share leaves the trends like a deleted one, and comes back when restored: the acts
-- withdrawn by the hide carry its instant, so a restore brings back exactly those.
CREATE OR REPLACE FUNCTION engagement_on_post() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    gone_at timestamptz := COALESCE(NEW.deleted_at, NEW.hidden_at);
BEGIN
    IF NEW.article_id IS NULL THEN
        RETURN NULL;
    END IF;
    PERFORM engagement_record('share', NEW.id, NEW.id, NEW.author_id, NEW.created_at, gone_at);
    IF TG_OP = 'UPDATE' AND gone_at IS NOT NULL AND COALESCE(OLD.deleted_at, OLD.hidden_at) IS NULL THEN
        WITH gone AS (UPDATE engagement SET removed_at = COALESCE(removed_at, gone_at), version = version + 1
                      WHERE post_id = NEW.id AND kind <> 'share' RETURNING id)
        INSERT INTO outbox (entity_type, entity_id) SELECT 'ENGAGEMENT', id FROM gone;
    ELSIF TG_OP = 'UPDATE' AND gone_at IS NULL AND OLD.hidden_at IS NOT NULL THEN
        WITH back AS (UPDATE engagement SET removed_at = NULL, version = version + 1
                      WHERE post_id = NEW.id AND kind <> 'share' AND removed_at = OLD.hidden_at RETURNING id)
        INSERT INTO outbox (entity_type, entity_id) SELECT 'ENGAGEMENT', id FROM back;
    END IF;
    RETURN NULL;
END $$;
DROP TRIGGER post_engagement ON post;
CREATE TRIGGER post_engagement AFTER INSERT OR UPDATE OF deleted_at, hidden_at ON post
    FOR EACH ROW EXECUTE FUNCTION engagement_on_post();

CREATE OR REPLACE FUNCTION engagement_on_comment() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM engagement_record('comment', NEW.id, NEW.post_id, NEW.author_id, NEW.created_at, COALESCE(NEW.deleted_at, NEW.hidden_at));
    RETURN NULL;
END $$;
DROP TRIGGER comment_engagement ON comment;
CREATE TRIGGER comment_engagement AFTER INSERT OR UPDATE OF deleted_at, hidden_at ON comment
    FOR EACH ROW EXECUTE FUNCTION engagement_on_comment();
