-- A network is a project: every other table carries its id as nid, so several projects can share one database.
CREATE TABLE networks (
    id UUID PRIMARY KEY NOT NULL,
    name TEXT NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
