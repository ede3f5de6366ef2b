-- Project and workspace API keys (issue 21). A project key's nid is its project (so deleting the project deletes its
-- keys); a workspace key keeps the default project's nid and names its workspace here. Admin keys are unchanged
-- (kind 'admin', nid the default project, no workspace). key_hash stays unique across the deployment, which is how
-- a presented key is found before anyone knows which project it opens.
ALTER TABLE api_keys ADD COLUMN workspace_id UUID NULL REFERENCES workspaces (id) ON DELETE CASCADE;
CREATE INDEX api_keys_workspace_kind ON api_keys (workspace_id, kind, created_at, id);
