-- The courier's outbox. A message is rendered when it is queued, so what the admin API shows is what was sent.
-- Workers claim rows (PostgreSQL: FOR UPDATE SKIP LOCKED; SQLite: one UPDATE ... RETURNING) and hold them by a
-- lease (claimed_by, lease_expires_at); a lease that runs out (a crashed worker) makes the row claimable again.
-- dispatches keeps the last delivery attempts (status and error text, never credentials) as JSON.
CREATE TABLE courier_messages (
    id UUID PRIMARY KEY NOT NULL,
    nid UUID NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    channel TEXT NOT NULL,
    status TEXT NOT NULL,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    body_plaintext TEXT NOT NULL,
    template_type TEXT NOT NULL,
    template_data TEXT NOT NULL,
    send_count INTEGER NOT NULL,
    dispatches TEXT NOT NULL,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    lease_expires_at TIMESTAMPTZ NULL,
    claimed_by UUID NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX courier_messages_due ON courier_messages (nid, status, next_attempt_at);
CREATE INDEX courier_messages_lease ON courier_messages (nid, status, lease_expires_at);
CREATE INDEX courier_messages_list ON courier_messages (nid, created_at, id);
CREATE INDEX courier_messages_recipient ON courier_messages (nid, recipient, created_at, id);
