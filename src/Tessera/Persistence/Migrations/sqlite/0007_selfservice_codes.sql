-- The one-time code a recovery or verification flow waits for (the code method). Only an HMAC of the code is kept.
-- One row per flow: asking for a new code replaces the code but keeps `submissions`, so a flow accepts at most
-- `selfservice.methods.code.config.max_submissions` guesses in all; counting is one atomic UPDATE per guess.
-- identity_id is null when the address has no account (the flow must look the same; no code can match).
CREATE TABLE selfservice_codes (
    flow_id TEXT PRIMARY KEY NOT NULL REFERENCES selfservice_flows (id) ON DELETE CASCADE,
    nid TEXT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    code_hmac TEXT NOT NULL,
    address TEXT NOT NULL,
    identity_id TEXT NULL,
    expires_at TEXT NOT NULL,
    submissions INTEGER NOT NULL,
    used_at TEXT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX selfservice_codes_nid ON selfservice_codes (nid);
