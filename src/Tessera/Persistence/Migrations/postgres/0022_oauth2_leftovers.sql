-- Issue 20 leftovers. A refresh token keeps the ID token's claims of its grant (consent's session.id_token, the sid),
-- so the ID token of a refresh carries them again.
ALTER TABLE oauth2_tokens ADD COLUMN id_token_claims TEXT NULL;

-- private_key_jwt: a client assertion's jti is used once. The first use inserts it; any other, concurrent or later,
-- conflicts and is refused. Kept until the assertion expires (the janitor removes it after).
CREATE TABLE oauth2_client_assertions (
    nid UUID NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    client_id TEXT NOT NULL,
    jti TEXT NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (nid, client_id, jti)
);
CREATE INDEX oauth2_client_assertions_expiry ON oauth2_client_assertions (expires_at);
