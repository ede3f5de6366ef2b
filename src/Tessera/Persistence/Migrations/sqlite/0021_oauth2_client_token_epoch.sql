-- Client credentials access tokens are self-contained (sealed with a key derived from the server secret, no row per
-- token). Each carries its client's token epoch: DELETE /admin/oauth2/tokens gives the client a new random epoch,
-- which revokes every such token issued before; a client deleted and created again starts with a new one too.
-- Clients made before this migration have the empty epoch until their first revocation.
ALTER TABLE oauth2_clients ADD COLUMN token_epoch TEXT NOT NULL DEFAULT '';
