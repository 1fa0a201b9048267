-- The inspiration library's collections in the search index (issue 8): the search box finds a
-- collection by its title and description. A collection needs a version for the index and is
-- deleted softly, so the index hears of the deletion.
ALTER TABLE collection ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE collection ADD COLUMN deleted_at timestamptz;
INSERT INTO outbox (entity_type, entity_id) SELECT 'COLLECTION', id FROM collection;
