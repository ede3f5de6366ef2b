-- Workspace rate limits (issue 21, seed row F1). A workspace may carry limits for any rate-limit bucket
-- (rate_limits, JSON in the configuration's layout: {"buckets": {"<name>": {"limit": N, "window": "1m"}}}); a request
-- of any of its projects counts toward the project's counter (rate_limit_counters, by nid) and toward the workspace's
-- aggregate counter here, the same sliding-window row per (bucket, hashed key), shared by every node.
ALTER TABLE workspaces ADD COLUMN rate_limits TEXT NULL;

CREATE TABLE workspace_rate_limit_counters (
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    bucket TEXT NOT NULL,
    key_hash TEXT NOT NULL,
    window_start INTEGER NOT NULL,
    current_count INTEGER NOT NULL,
    previous_count INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, bucket, key_hash)
);
CREATE INDEX workspace_rate_limit_counters_expiry ON workspace_rate_limit_counters (expires_at);
