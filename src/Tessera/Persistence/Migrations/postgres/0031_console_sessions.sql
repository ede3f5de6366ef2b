-- The operator console's sign-in (/console on the admin listener). A browser cannot send the admin key as a bearer
-- header, so the operator pastes it once and gets a short-lived console session in an HttpOnly cookie. Only the
-- SHA-256 of the cookie's token is stored. api_key_id names the admin key that opened it (NULL while admin auth is
-- off): the session ends when that key is revoked or expires, and a NULL one ends as soon as keys are required.
CREATE TABLE console_sessions (
    id UUID PRIMARY KEY NOT NULL,
    nid UUID NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    api_key_id UUID NULL REFERENCES api_keys (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX console_sessions_expires_at ON console_sessions (expires_at);
