-- Looking identities up by identifier without knowing the credential type (the admin list's
-- credentials_identifier filter): the unique index leads with type, so it cannot serve that lookup.
CREATE INDEX identity_credential_identifiers_nid_identifier_idx ON identity_credential_identifiers (nid, identifier);
