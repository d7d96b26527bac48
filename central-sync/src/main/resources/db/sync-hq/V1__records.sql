-- Wedge HQ store: every record received from every warehouse, stored once.
CREATE TABLE hq_record (
    warehouse_id   VARCHAR(64)  NOT NULL,
    seq            BIGINT       NOT NULL,
    idem_key       VARCHAR(100) NOT NULL,
    kind           VARCHAR(64)  NOT NULL,
    priority       SMALLINT     NOT NULL,
    payload        CLOB         NOT NULL,
    payload_sha256 CHAR(64)     NOT NULL,
    created_at     TIMESTAMP    NOT NULL,
    received_at    TIMESTAMP    NOT NULL,
    CONSTRAINT hq_record_pk PRIMARY KEY (warehouse_id, seq),
    CONSTRAINT hq_record_key UNIQUE (idem_key)
);

CREATE INDEX hq_record_received ON hq_record (received_at);
CREATE INDEX hq_record_kind ON hq_record (warehouse_id, kind);

-- One row per warehouse: last contact and the highest sequence below which HQ holds every record.
CREATE TABLE hq_warehouse (
    warehouse_id       VARCHAR(64) NOT NULL PRIMARY KEY,
    first_contact_at   TIMESTAMP   NOT NULL,
    last_contact_at    TIMESTAMP   NOT NULL,
    contiguous_through BIGINT      NOT NULL,
    record_count       BIGINT      NOT NULL
);

-- Records per warehouse and kind, kept in step by every store transaction so reports need no table scan.
CREATE TABLE hq_kind_count (
    warehouse_id VARCHAR(64) NOT NULL,
    kind         VARCHAR(64) NOT NULL,
    record_count BIGINT      NOT NULL,
    CONSTRAINT hq_kind_count_pk PRIMARY KEY (warehouse_id, kind)
);
