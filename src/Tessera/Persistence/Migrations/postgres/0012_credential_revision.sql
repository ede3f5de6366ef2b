-- An optimistic revision on each credential: a one-time use (a TOTP step, a backup code) is recorded with
-- "UPDATE ... WHERE revision = <the revision read>", so of two concurrent uses exactly one write lands and the other
-- re-reads and decides again (a code already used is refused; another backup code is still marked used).
ALTER TABLE identity_credentials ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
