-- A newly promoted advocacy item reaches the people it is for (issue 9).
ALTER TABLE notification DROP CONSTRAINT notification_kind_check;
ALTER TABLE notification ADD CONSTRAINT notification_kind_check
    CHECK (kind IN ('mention', 'reply', 'comment', 'milestone', 'invitation', 'request', 'warning', 'accepted', 'kudos',
                    'idea', 'jury', 'poll', 'library', 'endorsement', 'advocacy'));
