-- Every self-service flow (login, registration, settings, recovery, verification) in one table: they share
-- their life cycle (issued, expires, re-rendered with messages) and differ only in kind and context.
CREATE TABLE selfservice_flows (
    id UUID PRIMARY KEY NOT NULL,
    nid UUID NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    type TEXT NOT NULL,
    state TEXT NOT NULL,
    request_url TEXT NOT NULL,
    return_to TEXT,
    ui TEXT NOT NULL,
    csrf_token TEXT NOT NULL,
    identity_id UUID,
    active_method TEXT,
    refresh BOOLEAN NOT NULL,
    requested_aal TEXT NOT NULL,
    internal_context TEXT NOT NULL,
    issued_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX selfservice_flows_expires ON selfservice_flows (expires_at);
