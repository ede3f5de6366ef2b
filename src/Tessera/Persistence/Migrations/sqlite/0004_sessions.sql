-- Sessions. The token is never stored: only its SHA-256 hash, so a database leak does not leak live sessions.
CREATE TABLE sessions (
    id TEXT PRIMARY KEY NOT NULL,
    nid TEXT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    identity_id TEXT NOT NULL REFERENCES identities (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    logout_token_hash TEXT NOT NULL UNIQUE,
    active INTEGER NOT NULL,
    aal TEXT NOT NULL,
    authentication_methods TEXT NOT NULL,
    devices TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    authenticated_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX sessions_nid_identity ON sessions (nid, identity_id, created_at);
CREATE INDEX sessions_nid_created ON sessions (nid, created_at, id);
CREATE INDEX sessions_expires ON sessions (expires_at);
