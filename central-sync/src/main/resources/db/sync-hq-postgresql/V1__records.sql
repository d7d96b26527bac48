-- Wedge HQ store on PostgreSQL: the same tables as db/sync-hq (Derby), in PostgreSQL types.
CREATE TABLE hq_record (
    warehouse_id   VARCHAR(64)  NOT NULL,
    seq            BIGINT       NOT NULL,
    idem_key       VARCHAR(100) NOT NULL,
    kind           VARCHAR(64)  NOT NULL,
    priority       SMALLINT     NOT NULL,
    payload        TEXT         NOT NULL,
    payload_sha256 CHAR(64)     NOT NULL,
    created_at     TIMESTAMP    NOT NULL,
    received_at    TIMESTAMP    NOT NULL,
    CONSTRAINT hq_record_pk PRIMARY KEY (warehouse_id, seq),
    CONSTRAINT hq_record_key UNIQUE (idem_key)
);

CREATE INDEX hq_record_received ON hq_record (received_at);
CREATE INDEX hq_record_kind ON hq_record (warehouse_id, kind);

CREATE TABLE hq_warehouse (
    warehouse_id       VARCHAR(64) NOT NULL PRIMARY KEY,
    first_contact_at   TIMESTAMP   NOT NULL,
    last_contact_at    TIMESTAMP   NOT NULL,
    contiguous_through BIGINT      NOT NULL,
    record_count       BIGINT      NOT NULL
);

CREATE TABLE hq_kind_count (
    warehouse_id VARCHAR(64) NOT NULL,
    kind         VARCHAR(64) NOT NULL,
    record_count BIGINT      NOT NULL,
    CONSTRAINT hq_kind_count_pk PRIMARY KEY (warehouse_id, kind)
);
