-- The OAuth2 provider (Hydra's API). Clients keep Hydra's client document as JSON (it is what the admin API
-- reads and writes, PUT and JSON Patch included) beside the columns the token path looks up. The client secret is
-- never stored: a keyed hash (server-generated secrets, "hmac:") or a PBKDF2 PHC string (chosen or imported ones).
CREATE TABLE oauth2_clients (
    nid UUID NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    document TEXT NOT NULL,
    secret_hash TEXT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (nid, id)
);
CREATE INDEX oauth2_clients_created ON oauth2_clients (nid, created_at, id);

-- Signing keys (JSON Web Key sets: hydra.openid.id-token, hydra.jwt.access-token, and any set the admin API
-- creates). The private key is PKCS#8, encrypted with the secrets cipher; the newest key of a set signs, all are
-- published for verification until deleted.
CREATE TABLE oauth2_keys (
    nid UUID NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    set_name TEXT NOT NULL,
    kid TEXT NOT NULL,
    alg TEXT NOT NULL,
    use TEXT NOT NULL,
    private_key TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (nid, set_name, kid)
);

-- Issued access and refresh tokens, by the keyed hash of the token (the token itself is never stored).
-- request_id groups every token of one grant (an authorization and all its refreshes, or one client_credentials
-- request): reusing a rotated refresh token revokes the whole group. A rotated refresh token keeps the answer it
-- was rotated into, sealed with the cipher, for the grace period (rotation_response), so a retry gets the same pair.
CREATE TABLE oauth2_tokens (
    signature TEXT PRIMARY KEY NOT NULL,
    nid UUID NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    request_id TEXT NOT NULL,
    client_id TEXT NOT NULL,
    subject TEXT NULL,
    scope TEXT NOT NULL,
    audience TEXT NOT NULL,
    session_data TEXT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ NULL,
    rotated_at TIMESTAMPTZ NULL,
    rotation_response TEXT NULL
);
CREATE INDEX oauth2_tokens_request ON oauth2_tokens (nid, request_id);
CREATE INDEX oauth2_tokens_client ON oauth2_tokens (nid, client_id);
CREATE INDEX oauth2_tokens_subject ON oauth2_tokens (nid, subject);
CREATE INDEX oauth2_tokens_expiry ON oauth2_tokens (expires_at);

-- Authorization codes are single use: the first redemption inserts the code's hash, any later one conflicts (and
-- revokes what the first issued, as RFC 6749 section 4.1.2 recommends).
CREATE TABLE oauth2_code_redemptions (
    signature TEXT PRIMARY KEY NOT NULL,
    nid UUID NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    request_id TEXT NOT NULL,
    redeemed_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
