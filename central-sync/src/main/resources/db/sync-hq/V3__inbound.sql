-- Messages HQ sends down to warehouses (orders, customers, products, locations, prices), pulled by cursor.
-- warehouse_id NULL means every warehouse. The counter row makes cursors gap-free and in commit order.
CREATE TABLE hq_outbound (
    cursor_no    BIGINT       NOT NULL PRIMARY KEY,
    warehouse_id VARCHAR(64),
    kind         VARCHAR(64)  NOT NULL,
    entity_key   VARCHAR(100) NOT NULL,
    payload      CLOB         NOT NULL,
    created_at   TIMESTAMP    NOT NULL
);
CREATE INDEX hq_outbound_wh ON hq_outbound (warehouse_id, cursor_no);

CREATE TABLE hq_outbound_counter (
    id          INTEGER NOT NULL PRIMARY KEY,
    last_cursor BIGINT  NOT NULL
);
INSERT INTO hq_outbound_counter (id, last_cursor) VALUES (1, 0);

-- What each warehouse has acknowledged as applied.
CREATE TABLE hq_inbound_ack (
    warehouse_id  VARCHAR(64) NOT NULL PRIMARY KEY,
    acked_through BIGINT      NOT NULL,
    acked_at      TIMESTAMP   NOT NULL
);
