-- API keys for the admin listener (serve.admin.auth). Only the SHA-256 of a key is stored: the key itself is
-- shown once, at creation. `kind` is 'admin' today; the projects work adds project and workspace kinds (and the
-- scope they are bound to) beside it. A revoked key keeps its row, so "a key was ever created" stays true and
-- serve.admin.auth.required: auto never falls back to an open admin API by revoking the last key.
CREATE TABLE api_keys (
    id TEXT PRIMARY KEY NOT NULL,
    nid TEXT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    key_hash TEXT NOT NULL UNIQUE,
    key_hint TEXT NOT NULL,
    expires_at TEXT NULL,
    revoked_at TEXT NULL,
    last_used_at TEXT NULL,
    last_used_ip TEXT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX api_keys_nid_kind ON api_keys (nid, kind, created_at, id);

-- session.idle_timeout: when a session was last used, written at most once per throttle window per session.
ALTER TABLE sessions ADD COLUMN seen_at TEXT NULL;
