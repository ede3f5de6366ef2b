-- Tenancy (issue 21). A project IS a network row: its id is every table's nid, its name is the project's slug (the
-- default network is the project "default"). Workspaces group projects; a domain binds a host name to a project and
-- serves only once its DNS TXT record was found (state pending -> active).
CREATE TABLE workspaces (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

ALTER TABLE networks ADD COLUMN workspace_id TEXT NULL REFERENCES workspaces (id);
ALTER TABLE networks ADD COLUMN display_name TEXT NULL;
ALTER TABLE networks ADD COLUMN environment TEXT NULL;
CREATE INDEX networks_workspace_id_idx ON networks (workspace_id);

CREATE TABLE project_domains (
    id TEXT PRIMARY KEY NOT NULL,
    nid TEXT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    hostname TEXT NOT NULL UNIQUE,
    state TEXT NOT NULL,
    verification_token TEXT NOT NULL,
    verified_at TEXT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX project_domains_nid_idx ON project_domains (nid);
