-- One row per web hook call (seed row D2: every execution leaves a trail). The url has no credentials and no
-- query; error is truncated; nothing of the request or response body is kept. Rows older than
-- selfservice.hooks.log_lifespan are deleted by the hook janitor.
CREATE TABLE hook_executions (
    id UUID PRIMARY KEY NOT NULL,
    nid UUID NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    flow_id UUID NULL,
    identity_id UUID NULL,
    point TEXT NOT NULL,
    hook_index INTEGER NOT NULL,
    url TEXT NOT NULL,
    status_code INTEGER NULL,
    latency_ms BIGINT NOT NULL,
    attempts INTEGER NOT NULL,
    outcome TEXT NOT NULL,
    error TEXT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX hook_executions_list ON hook_executions (nid, created_at, id);
CREATE INDEX hook_executions_flow ON hook_executions (nid, flow_id, created_at);
CREATE INDEX hook_executions_identity ON hook_executions (nid, identity_id, created_at);
