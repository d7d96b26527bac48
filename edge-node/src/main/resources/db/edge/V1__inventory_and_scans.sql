-- Master data the edge receives from HQ (seeded locally in the demo).
CREATE TABLE product (
    sku          VARCHAR(40)  NOT NULL PRIMARY KEY,
    gtin         CHAR(14)     NOT NULL UNIQUE,
    description  VARCHAR(200) NOT NULL
);

CREATE TABLE location (
    code         VARCHAR(30)  NOT NULL PRIMARY KEY,
    kind         VARCHAR(20)  NOT NULL,
    description  VARCHAR(200) NOT NULL
);

CREATE TABLE lot (
    sku          VARCHAR(40)  NOT NULL REFERENCES product (sku),
    lot_number   VARCHAR(20)  NOT NULL,
    expiry       DATE,
    PRIMARY KEY (sku, lot_number)
);

-- On-hand quantity per product, lot ('' when the unit has no lot) and location. Derived from the movement
-- ledger and kept in step with it in the same transaction.
CREATE TABLE stock_on_hand (
    sku          VARCHAR(40)  NOT NULL REFERENCES product (sku),
    lot_number   VARCHAR(20)  NOT NULL,
    location     VARCHAR(30)  NOT NULL REFERENCES location (code),
    quantity     INTEGER      NOT NULL CHECK (quantity >= 0),
    PRIMARY KEY (sku, lot_number, location)
);

-- Every scan a scanner delivered, accepted or rejected, with the reason.
CREATE TABLE scan (
    scan_id      BIGINT       NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    scanner_id   VARCHAR(40)  NOT NULL,
    symbology    VARCHAR(3)   NOT NULL,
    data         VARCHAR(1000) NOT NULL,
    received_at  TIMESTAMP    NOT NULL,
    outcome      VARCHAR(10)  NOT NULL CHECK (outcome IN ('ACCEPTED', 'REJECTED')),
    reason_code  VARCHAR(30),
    reason       VARCHAR(500)
);

-- Logistic units (pallets, cases) identified by SSCC; one row per unit ever booked.
CREATE TABLE handling_unit (
    sscc         CHAR(18)     NOT NULL PRIMARY KEY,
    sku          VARCHAR(40)  NOT NULL REFERENCES product (sku),
    lot_number   VARCHAR(20)  NOT NULL,
    quantity     INTEGER      NOT NULL,
    location     VARCHAR(30)  NOT NULL REFERENCES location (code),
    sscc_source  VARCHAR(10)  NOT NULL CHECK (sscc_source IN ('SCANNED', 'GENERATED')),
    scan_id      BIGINT       NOT NULL REFERENCES scan (scan_id),
    booked_at    TIMESTAMP    NOT NULL
);

-- The append-only stock ledger: one row per movement, never updated or deleted.
CREATE TABLE stock_movement (
    movement_id   BIGINT      NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind          VARCHAR(20) NOT NULL,
    sku           VARCHAR(40) NOT NULL REFERENCES product (sku),
    lot_number    VARCHAR(20) NOT NULL,
    quantity      INTEGER     NOT NULL,
    from_location VARCHAR(30),
    to_location   VARCHAR(30),
    sscc          CHAR(18),
    scan_id       BIGINT      REFERENCES scan (scan_id),
    outbox_seq    BIGINT      NOT NULL,
    occurred_at   TIMESTAMP   NOT NULL
);

-- Serial references for SSCCs this site generates.
CREATE SEQUENCE sscc_serial AS BIGINT START WITH 1 MINVALUE 1 NO CYCLE;

-- Pallet labels requested by receiving: written with the movement, then sent to the printer.
CREATE TABLE label_job (
    job_id       BIGINT       NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    printer_id   VARCHAR(40)  NOT NULL,
    sscc         CHAR(18)     NOT NULL,
    zpl          CLOB         NOT NULL,
    status       VARCHAR(10)  NOT NULL CHECK (status IN ('QUEUED', 'PRINTED', 'FAILED')),
    attempts     INTEGER      NOT NULL DEFAULT 0,
    last_error   VARCHAR(500),
    created_at   TIMESTAMP    NOT NULL,
    printed_at   TIMESTAMP
);
