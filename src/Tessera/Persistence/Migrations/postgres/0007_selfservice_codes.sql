-- The one-time code a recovery or verification flow waits for (the code method). Only an HMAC of the code is kept.
-- One row per flow: asking for a new code replaces the code but keeps `submissions`, so a flow accepts at most
-- `selfservice.methods.code.config.max_submissions` guesses in all; counting is one atomic UPDATE per guess.
-- identity_id is null when the address has no account (the flow must look the same; no code can match).
CREATE TABLE selfservice_codes (
    flow_id UUID PRIMARY KEY NOT NULL REFERENCES selfservice_flows (id) ON DELETE CASCADE,
    nid UUID NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    code_hmac TEXT NOT NULL,
    address TEXT NOT NULL,
    identity_id UUID NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    submissions INTEGER NOT NULL,
    used_at TIMESTAMPTZ NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX selfservice_codes_nid ON selfservice_codes (nid);
