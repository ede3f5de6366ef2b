-- Rate-limit and brute-force counters shared by every node: one row per (bucket, hashed key), a sliding-window
-- counter (the current aligned window's count and the previous window's). Keys are SHA-256 hashes of the client
-- address / identifier / token, never the raw value. Instants are Unix milliseconds from the server's clock so that
-- one atomic INSERT ... ON CONFLICT DO UPDATE ... RETURNING can roll the window and count in a single statement.
CREATE TABLE rate_limit_counters (
    nid UUID NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    bucket TEXT NOT NULL,
    key_hash TEXT NOT NULL,
    window_start BIGINT NOT NULL,
    current_count INTEGER NOT NULL,
    previous_count INTEGER NOT NULL,
    expires_at BIGINT NOT NULL,
    PRIMARY KEY (nid, bucket, key_hash)
);
CREATE INDEX rate_limit_counters_expiry ON rate_limit_counters (nid, expires_at);
