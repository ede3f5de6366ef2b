-- A deleted or replaced signing key is retired rather than dropped at once: no longer published or used to sign, but
-- still accepted when OpenIddict opens an authorization code it signed, until every such code has expired
-- (ttl.auth_code after the retirement); then the row is deleted.
ALTER TABLE oauth2_keys ADD COLUMN retired_at TEXT NULL;
