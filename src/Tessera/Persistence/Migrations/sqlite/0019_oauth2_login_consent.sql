-- Hydra's login, consent and logout requests. One row per authorization request (Hydra v2's "flow"): it is
-- created with a login challenge, gains a login verifier when the login is accepted or rejected, then a consent
-- challenge and verifier. Challenges and verifiers are 256 random bits handed to the browser or the operator's
-- login/consent app; only their SHA-256 hashes are kept. Each step moves `state` forward with a conditional UPDATE
-- (WHERE state = the expected one), so a challenge is handled once and a verifier redeemed once, on any node.
CREATE TABLE oauth2_flows (
    id TEXT PRIMARY KEY NOT NULL,
    nid TEXT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    state TEXT NOT NULL,
    login_challenge_hash TEXT NOT NULL UNIQUE,
    login_verifier_hash TEXT NULL UNIQUE,
    consent_challenge_hash TEXT NULL UNIQUE,
    consent_verifier_hash TEXT NULL UNIQUE,
    client_id TEXT NOT NULL,
    request_url TEXT NOT NULL,
    requested_scope TEXT NOT NULL,
    requested_audience TEXT NOT NULL,
    oidc_context TEXT NOT NULL,
    subject TEXT NOT NULL,
    login_skip INTEGER NOT NULL,
    login_session_id TEXT NULL,
    login_remember INTEGER NOT NULL,
    login_remember_for INTEGER NOT NULL,
    login_acr TEXT NOT NULL,
    login_amr TEXT NOT NULL,
    login_context TEXT NOT NULL,
    identity_provider_session_id TEXT NOT NULL,
    authenticated_at TEXT NULL,
    login_error TEXT NULL,
    login_handled_at TEXT NULL,
    consent_skip INTEGER NOT NULL,
    grant_scope TEXT NOT NULL,
    grant_audience TEXT NOT NULL,
    consent_remember INTEGER NOT NULL,
    consent_remember_for INTEGER NOT NULL,
    consent_session TEXT NOT NULL,
    consent_context TEXT NOT NULL,
    consent_error TEXT NULL,
    consent_handled_at TEXT NULL,
    requested_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX oauth2_flows_expires ON oauth2_flows (expires_at);

-- Remembered consent: a subject's grant to a client (scopes, audience, ID token claims), reused while it lasts so
-- the consent page is skipped. Listed and revoked by the admin API and by the user in settings.
CREATE TABLE oauth2_consent_grants (
    id TEXT PRIMARY KEY NOT NULL,
    nid TEXT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    flow_id TEXT NOT NULL,
    subject TEXT NOT NULL,
    client_id TEXT NOT NULL,
    login_session_id TEXT NULL,
    grant_scope TEXT NOT NULL,
    grant_audience TEXT NOT NULL,
    consent_session TEXT NOT NULL,
    consent_context TEXT NOT NULL,
    remember_for INTEGER NOT NULL,
    granted_at TEXT NOT NULL,
    expires_at TEXT NULL
);
CREATE INDEX oauth2_consent_grants_subject ON oauth2_consent_grants (nid, subject, client_id, granted_at);

-- Hydra's authentication sessions, kept only when an operator's login app accepts with remember=true (Tessera's
-- own login uses the Tessera session). The browser holds the id in a cookie; the row decides whether it is live.
CREATE TABLE oauth2_login_sessions (
    id TEXT PRIMARY KEY NOT NULL,
    nid TEXT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    subject TEXT NOT NULL,
    identity_provider_session_id TEXT NOT NULL,
    acr TEXT NOT NULL,
    amr TEXT NOT NULL,
    authenticated_at TEXT NOT NULL,
    expires_at TEXT NULL
);
CREATE INDEX oauth2_login_sessions_subject ON oauth2_login_sessions (nid, subject);

-- RP-initiated logout requests (Hydra's logout challenge), handled once like the flows above.
CREATE TABLE oauth2_logout_requests (
    id TEXT PRIMARY KEY NOT NULL,
    nid TEXT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    state TEXT NOT NULL,
    challenge_hash TEXT NOT NULL UNIQUE,
    verifier_hash TEXT NULL UNIQUE,
    subject TEXT NOT NULL,
    sid TEXT NOT NULL,
    client_id TEXT NULL,
    request_url TEXT NOT NULL,
    post_logout_redirect_uri TEXT NULL,
    logout_state TEXT NULL,
    rp_initiated INTEGER NOT NULL,
    requested_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX oauth2_logout_requests_expires ON oauth2_logout_requests (expires_at);
