-- Optimistic concurrency for flows: every update is conditional on the version it read (and bumps it), so two
-- submissions of one flow can never overwrite each other unseen, and a finished flow is never written back to an
-- earlier state by a submission that raced the one that finished it.
ALTER TABLE selfservice_flows ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
