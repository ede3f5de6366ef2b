-- The error ids and UI message ids clients met (issue 22's error dashboard), and the steps of self-service flows for
-- its funnel. Written in batches by the occurrence writer, off the request path; deleted after
-- errors.occurrences.lifespan (default 7 days) by the cleanup pass. Never an identifier, trait, password, code or
-- token: ids, route patterns, statuses, request ids, times.
CREATE TABLE error_occurrences (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    nid UUID NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    occurred_at TIMESTAMPTZ NOT NULL,
    kind TEXT NOT NULL,
    code TEXT NOT NULL,
    status INTEGER NULL,
    flow_kind TEXT NULL,
    flow_id TEXT NULL,
    endpoint TEXT NULL,
    request_id TEXT NULL
);
CREATE INDEX error_occurrences_time ON error_occurrences (nid, occurred_at);
CREATE INDEX error_occurrences_code ON error_occurrences (nid, code, occurred_at);

CREATE TABLE flow_funnel_steps (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    nid UUID NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    occurred_at TIMESTAMPTZ NOT NULL,
    flow_kind TEXT NOT NULL,
    flow_id TEXT NOT NULL,
    step TEXT NOT NULL,
    error_id TEXT NULL
);
CREATE INDEX flow_funnel_steps_time ON flow_funnel_steps (nid, occurred_at);
