-- A secret the server generated because secrets.default is not configured: one row per project and name, inserted
-- by the first node to start (ON CONFLICT DO NOTHING) and read by all, so every node and restart derives the same
-- keys for one-time codes and rate-limit keys. Unused once secrets.default is configured.
CREATE TABLE server_secrets (
    nid TEXT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    secret TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (nid, name)
);
-- Rate-limit keys were SHA-256 of the bucket and the plain key, which a guess of the address reverses; they are now
-- HMACs under a key derived from the server secret. The old rows can never match again: drop them (counts restart).
DELETE FROM rate_limit_counters;
-- The cleanup pass blanks delivered messages' bodies after courier.message_retention.body and deletes them after
-- courier.message_retention.message, both by status and the time of the last attempt.
CREATE INDEX courier_messages_retention ON courier_messages (nid, status, updated_at);
