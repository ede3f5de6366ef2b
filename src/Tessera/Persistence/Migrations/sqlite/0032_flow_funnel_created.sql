-- Created flows for the funnel, counted per flow kind and minute instead of a row per flow: creating a flow is a hot
-- path (a UI creates one per page view) and a row per flow made every creation a write. The writer adds each batch's
-- counts to its minute's row. Submitted, succeeded and failed steps stay per flow in flow_funnel_steps.
DELETE FROM flow_funnel_steps WHERE step = 'created';

CREATE TABLE flow_funnel_created (
    nid TEXT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    minute TEXT NOT NULL,
    flow_kind TEXT NOT NULL,
    flows INTEGER NOT NULL,
    PRIMARY KEY (nid, flow_kind, minute)
);
CREATE INDEX flow_funnel_created_time ON flow_funnel_created (nid, minute);
