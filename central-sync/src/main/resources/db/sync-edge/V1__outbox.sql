-- Wedge edge outbox: every business event the edge owns, written in the same transaction as the change.
-- state: 0 = pending (not yet acknowledged by HQ), 1 = acknowledged, 2 = rejected by HQ (kept, never resent).
CREATE TABLE sync_outbox (
    node_id     VARCHAR(64)  NOT NULL,
    seq         BIGINT       NOT NULL,
    idem_key    VARCHAR(100) NOT NULL,
    kind        VARCHAR(64)  NOT NULL,
    payload     CLOB         NOT NULL,
    priority    SMALLINT     NOT NULL DEFAULT 5,
    state       SMALLINT     NOT NULL DEFAULT 0,
    created_at  TIMESTAMP    NOT NULL,
    sent_at     TIMESTAMP,
    acked_at    TIMESTAMP,
    attempts    INTEGER      NOT NULL DEFAULT 0,
    last_error  VARCHAR(1000),
    CONSTRAINT sync_outbox_pk PRIMARY KEY (node_id, seq),
    CONSTRAINT sync_outbox_key UNIQUE (idem_key),
    CONSTRAINT sync_outbox_state CHECK (state IN (0, 1, 2)),
    CONSTRAINT sync_outbox_priority CHECK (priority BETWEEN 0 AND 9)
);

-- The forwarder reads pending records in priority, then sequence order.
CREATE INDEX sync_outbox_pending ON sync_outbox (node_id, state, priority, seq);

-- One row per node: the last sequence handed out. Updating it inside the business transaction holds a row
-- lock until commit, so sequences are gap-free and assigned in commit order.
CREATE TABLE sync_outbox_counter (
    node_id   VARCHAR(64) NOT NULL PRIMARY KEY,
    last_seq  BIGINT      NOT NULL
);
