-- What each edge last reported about its own backlog.
ALTER TABLE hq_warehouse ADD COLUMN edge_backlog BIGINT;
ALTER TABLE hq_warehouse ADD COLUMN edge_oldest_pending_at TIMESTAMP;

-- Report projections, kept in step by every store transaction (see docs/sync-protocol.md, Reports).
CREATE TABLE hq_hourly (
    warehouse_id VARCHAR(64) NOT NULL,
    kind         VARCHAR(64) NOT NULL,
    hour_start   TIMESTAMP   NOT NULL,
    record_count BIGINT      NOT NULL,
    CONSTRAINT hq_hourly_pk PRIMARY KEY (warehouse_id, kind, hour_start)
);

CREATE TABLE hq_stock (
    warehouse_id VARCHAR(64)    NOT NULL,
    product      VARCHAR(100)   NOT NULL,
    quantity     DECIMAL(19, 4) NOT NULL,
    CONSTRAINT hq_stock_pk PRIMARY KEY (warehouse_id, product)
);

CREATE TABLE hq_shipment (
    warehouse_id VARCHAR(64)  NOT NULL,
    shipment_id  VARCHAR(100) NOT NULL,
    shipped_at   TIMESTAMP,
    due_at       TIMESTAMP,
    delivered_at TIMESTAMP,
    CONSTRAINT hq_shipment_pk PRIMARY KEY (warehouse_id, shipment_id)
);
