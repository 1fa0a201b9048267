-- A poll's voters (and, past its deadline, its author) hear when it closes (issue 8); a post's
-- author hears when a curator puts it in the inspiration library. Each closed
-- poll is told once: whichever API instance claims it first sets results_told_at.
ALTER TABLE poll ADD COLUMN results_told_at timestamptz;
-- Polls closed before this change stay quiet.
UPDATE poll SET results_told_at = now() WHERE closed_at IS NOT NULL OR closes_at <= now();
CREATE INDEX poll_untold_idx ON poll (closes_at) WHERE results_told_at IS NULL;

ALTER TABLE notification DROP CONSTRAINT notification_kind_check;
ALTER TABLE notification ADD CONSTRAINT notification_kind_check
    CHECK (kind IN ('mention', 'reply', 'comment', 'milestone', 'invitation', 'request', 'warning', 'accepted', 'kudos',
                    'idea', 'jury', 'poll', 'library'));
