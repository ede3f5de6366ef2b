-- Error containers: a user-facing error persisted so that the error UI can show it (GET /self-service/errors?id=).
-- csrf_token_hash binds it to the browser that met it (SHA-256 of that browser's CSRF cookie, hex); expires_at
-- comes from selfservice.flows.error.lifespan and the janitor deletes rows past it.
CREATE TABLE selfservice_errors (
    id UUID PRIMARY KEY NOT NULL,
    nid UUID NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    errors JSONB NOT NULL,
    csrf_token_hash TEXT NULL,
    seen_at TIMESTAMPTZ NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX selfservice_errors_nid_expires_at_idx ON selfservice_errors (nid, expires_at);
