-- The one-time tokens of e-mailed recovery and verification links (the link method). Only an HMAC of the token is
-- kept (keyed like the codes' HMACs). A flow may hold several: each "send me a link" issues one, each usable once,
-- which a conditional UPDATE on used_at settles. identity_id is null when the address has no account (the flow must
-- look the same; such a token is never sent).
CREATE TABLE selfservice_link_tokens (
    id TEXT PRIMARY KEY NOT NULL,
    nid TEXT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    flow_id TEXT NOT NULL REFERENCES selfservice_flows (id) ON DELETE CASCADE,
    token_hmac TEXT NOT NULL,
    address TEXT NOT NULL,
    identity_id TEXT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX selfservice_link_tokens_flow ON selfservice_link_tokens (nid, flow_id);
