-- Kratos's session-token exchange for native apps (return_session_token_exchange_code): one row per native login or
-- registration flow that asked for it. Only SHA-256 hashes of the two codes are kept; the session is attached when
-- the flow completes in the browser, and exchanged_at is set by the one conditional UPDATE that hands the token out.
CREATE TABLE session_token_exchanges (
    flow_id UUID PRIMARY KEY NOT NULL REFERENCES selfservice_flows (id) ON DELETE CASCADE,
    nid UUID NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    init_code_hash TEXT NOT NULL,
    return_to_code_hash TEXT NULL,
    session_id UUID NULL REFERENCES sessions (id) ON DELETE CASCADE,
    expires_at TIMESTAMPTZ NOT NULL,
    exchanged_at TIMESTAMPTZ NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX session_token_exchanges_init_code ON session_token_exchanges (nid, init_code_hash);
