-- Tenancy (issue 21). A project IS a network row: its id is every table's nid, its name is the project's slug (the
-- default network is the project "default"). Workspaces group projects; a domain binds a host name to a project and
-- serves only once its DNS TXT record was found (state pending -> active).
CREATE TABLE workspaces (
    id UUID PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

ALTER TABLE networks ADD COLUMN workspace_id UUID NULL REFERENCES workspaces (id);
ALTER TABLE networks ADD COLUMN display_name TEXT NULL;
ALTER TABLE networks ADD COLUMN environment TEXT NULL;
CREATE INDEX networks_workspace_id_idx ON networks (workspace_id);

CREATE TABLE project_domains (
    id UUID PRIMARY KEY NOT NULL,
    nid UUID NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    hostname TEXT NOT NULL UNIQUE,
    state TEXT NOT NULL,
    verification_token TEXT NOT NULL,
    verified_at TIMESTAMPTZ NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX project_domains_nid_idx ON project_domains (nid);
