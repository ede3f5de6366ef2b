-- An optimistic version on each identity: a whole-identity write (admin update, settings, linking a second factor)
-- lands only "WHERE version = <the version read>" and moves it; the writer that read an older identity reads again
-- and re-applies its change instead of overwriting what another request wrote meanwhile (a lost update). Writes that
-- change one credential in place (a TOTP step, a used backup code, a re-hashed password) move it too.
ALTER TABLE identities ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
