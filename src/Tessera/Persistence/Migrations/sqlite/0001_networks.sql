-- A network is a project: every other table carries its id as nid, so several projects can share one database.
CREATE TABLE networks (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
