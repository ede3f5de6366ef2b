-- Identities and what hangs off them. JSON documents are TEXT in both dialects: nothing queries inside them, and
-- one representation keeps the store's SQL the same. Uniqueness of identifiers and addresses is decided here, by
-- unique indexes, so concurrent creates conflict in the database rather than in a check-then-insert race.
CREATE TABLE identities (
    id TEXT PRIMARY KEY NOT NULL,
    nid TEXT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    schema_id TEXT NOT NULL,
    traits TEXT NOT NULL,
    state TEXT NOT NULL,
    state_changed_at TEXT NULL,
    metadata_public TEXT NULL,
    metadata_admin TEXT NULL,
    external_id TEXT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX identities_nid_id_idx ON identities (nid, id);
CREATE UNIQUE INDEX identities_nid_external_id_uq_idx ON identities (nid, external_id) WHERE external_id IS NOT NULL;

CREATE TABLE identity_credentials (
    id TEXT PRIMARY KEY NOT NULL,
    nid TEXT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    identity_id TEXT NOT NULL REFERENCES identities (id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    config TEXT NOT NULL,
    version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX identity_credentials_identity_type_uq_idx ON identity_credentials (nid, identity_id, type);

CREATE TABLE identity_credential_identifiers (
    id TEXT PRIMARY KEY NOT NULL,
    nid TEXT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    identity_credential_id TEXT NOT NULL REFERENCES identity_credentials (id) ON DELETE CASCADE,
    identity_id TEXT NOT NULL,
    type TEXT NOT NULL,
    identifier TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX identity_credential_identifiers_uq_idx ON identity_credential_identifiers (nid, type, identifier);
CREATE INDEX identity_credential_identifiers_identity_idx ON identity_credential_identifiers (identity_id);

CREATE TABLE identity_verifiable_addresses (
    id TEXT PRIMARY KEY NOT NULL,
    nid TEXT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    identity_id TEXT NOT NULL REFERENCES identities (id) ON DELETE CASCADE,
    via TEXT NOT NULL,
    value TEXT NOT NULL,
    verified INTEGER NOT NULL,
    verified_at TEXT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX identity_verifiable_addresses_uq_idx ON identity_verifiable_addresses (nid, via, value);
CREATE INDEX identity_verifiable_addresses_identity_idx ON identity_verifiable_addresses (identity_id);

CREATE TABLE identity_recovery_addresses (
    id TEXT PRIMARY KEY NOT NULL,
    nid TEXT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    identity_id TEXT NOT NULL REFERENCES identities (id) ON DELETE CASCADE,
    via TEXT NOT NULL,
    value TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX identity_recovery_addresses_uq_idx ON identity_recovery_addresses (nid, via, value);
CREATE INDEX identity_recovery_addresses_identity_idx ON identity_recovery_addresses (identity_id);
