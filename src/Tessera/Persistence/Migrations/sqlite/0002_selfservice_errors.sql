-- Error containers: a user-facing error persisted so that the error UI can show it (GET /self-service/errors?id=).
-- csrf_token_hash binds it to the browser that met it (SHA-256 of that browser's CSRF cookie, hex); expires_at
-- comes from selfservice.flows.error.lifespan and the janitor deletes rows past it.
CREATE TABLE selfservice_errors (
    id TEXT PRIMARY KEY NOT NULL,
    nid TEXT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    errors TEXT NOT NULL,
    csrf_token_hash TEXT NULL,
    seen_at TEXT NULL,
    expires_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE INDEX selfservice_errors_nid_expires_at_idx ON selfservice_errors (nid, expires_at);
