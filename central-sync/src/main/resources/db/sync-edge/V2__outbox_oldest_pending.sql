-- Finds the oldest pending record (backlog age alarm) without scanning every priority.
CREATE INDEX sync_outbox_pending_seq ON sync_outbox (node_id, state, seq);
