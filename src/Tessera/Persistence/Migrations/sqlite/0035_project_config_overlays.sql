-- Per-project configuration overlays (issue 21). One row per project that has one: the overlay as a JSON object in
-- the configuration files' key layout, and a version that every write increments (a write names the version it read,
-- so two admins patching at once never lose one change or half-apply both). Deleting the project deletes it.
CREATE TABLE project_config_overlays (
    nid TEXT PRIMARY KEY NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    overlay TEXT NOT NULL,
    version INTEGER NOT NULL,
    updated_at TEXT NOT NULL
);
