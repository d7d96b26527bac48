-- Inbound from HQ: how far this node has applied and acknowledged HQ's message stream.
CREATE TABLE sync_inbound_cursor (
    node_id         VARCHAR(64) NOT NULL PRIMARY KEY,
    applied_through BIGINT      NOT NULL,
    acked_through   BIGINT      NOT NULL
);

-- Overlaps that no ownership rule decides, waiting for a supervisor.
CREATE TABLE sync_conflict (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    node_id          VARCHAR(64)   NOT NULL,
    cursor_no        BIGINT        NOT NULL,
    kind             VARCHAR(64)   NOT NULL,
    entity_key       VARCHAR(100)  NOT NULL,
    reason           VARCHAR(64)   NOT NULL,
    detail           VARCHAR(1000) NOT NULL,
    incoming_payload CLOB          NOT NULL,
    detected_at      TIMESTAMP     NOT NULL,
    resolved_at      TIMESTAMP,
    resolution       VARCHAR(32),
    resolved_by      VARCHAR(64),
    note             VARCHAR(1000)
);
CREATE INDEX sync_conflict_open ON sync_conflict (node_id, resolved_at, id);
