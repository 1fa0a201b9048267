-- The search index rebuild in progress, at most one for all API instances (issue 7, scale-out).
-- Every instance's indexer reads this row in the transaction that drains the outbox and, while a
-- rebuild runs, writes each change to the index being built as well; so writes drained by an
-- instance other than the rebuilding one reach the new index too. The rebuilding instance renews
-- heartbeat_at every few seconds; a row whose heartbeat is older than a minute belongs to a
-- rebuild that died (its instance crashed): indexers ignore it, and the next rebuild takes it over.
CREATE TABLE search_rebuild (
    singleton    boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    target_index text NOT NULL,
    started_at   timestamptz NOT NULL DEFAULT now(),
    heartbeat_at timestamptz NOT NULL DEFAULT now()
);
