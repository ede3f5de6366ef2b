-- Client credentials access tokens are self-contained (sealed with a key derived from the server secret, no row per
-- token). Each carries its client's token epoch: DELETE /admin/oauth2/tokens gives the client a new random epoch,
-- which revokes every such token issued before; a client deleted and created again starts with a new one too.
-- Clients made before this migration have the empty epoch until their first revocation.
ALTER TABLE oauth2_clients ADD COLUMN token_epoch TEXT NOT NULL DEFAULT '';

-- A redemption that loses to an earlier one marks the code reused before it revokes the winner's grant; the winner
-- looks for the mark after storing its tokens, so a loser that came before that write is not missed.
ALTER TABLE oauth2_code_redemptions ADD COLUMN reused_at TIMESTAMPTZ NULL;
