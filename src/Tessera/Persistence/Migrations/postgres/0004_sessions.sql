-- Sessions. The token is never stored: only its SHA-256 hash, so a database leak does not leak live sessions.
CREATE TABLE sessions (
    id UUID PRIMARY KEY NOT NULL,
    nid UUID NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    identity_id UUID NOT NULL REFERENCES identities (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    logout_token_hash TEXT NOT NULL UNIQUE,
    active BOOLEAN NOT NULL,
    aal TEXT NOT NULL,
    authentication_methods TEXT NOT NULL,
    devices TEXT NOT NULL,
    issued_at TIMESTAMPTZ NOT NULL,
    authenticated_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessions_nid_identity ON sessions (nid, identity_id, created_at);
CREATE INDEX sessions_nid_created ON sessions (nid, created_at, id);
CREATE INDEX sessions_expires ON sessions (expires_at);
