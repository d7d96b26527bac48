-- Inventory detail on top of the receiving tables (db/edge V1): packaging levels, location layout and locks,
-- serial numbers, reservations, advance shipping notices and cycle counts.

ALTER TABLE product ADD COLUMN serialised BOOLEAN NOT NULL DEFAULT FALSE;

-- Every GTIN a product is sold or shipped under: one per packaging level. A scan of a CASE GTIN counts as
-- pack_quantity eaches. product.gtin stays the base (each) GTIN that receiving uses.
CREATE TABLE product_gtin (
    gtin          CHAR(14)    NOT NULL PRIMARY KEY,
    sku           VARCHAR(40) NOT NULL REFERENCES product (sku),
    packaging     VARCHAR(10) NOT NULL CHECK (packaging IN ('EACH', 'INNER', 'CASE', 'PALLET')),
    pack_quantity INTEGER     NOT NULL CHECK (pack_quantity > 0)
);

ALTER TABLE location ADD COLUMN loc_zone VARCHAR(10) NOT NULL DEFAULT '';
ALTER TABLE location ADD COLUMN aisle VARCHAR(10) NOT NULL DEFAULT '';
ALTER TABLE location ADD COLUMN bay VARCHAR(10) NOT NULL DEFAULT '';
ALTER TABLE location ADD COLUMN loc_level VARCHAR(10) NOT NULL DEFAULT '';
ALTER TABLE location ADD COLUMN bin VARCHAR(10) NOT NULL DEFAULT '';
ALTER TABLE location ADD COLUMN pick_sequence INTEGER NOT NULL DEFAULT 0;
ALTER TABLE location ADD COLUMN capacity INTEGER NOT NULL DEFAULT 0;
ALTER TABLE location ADD COLUMN locked BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE location ADD COLUMN lock_reason VARCHAR(200);

-- Reserved is what allocation has promised to pick tasks; available = quantity - reserved.
ALTER TABLE stock_on_hand ADD COLUMN reserved INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stock_on_hand ADD CONSTRAINT stock_reserved_not_negative CHECK (reserved >= 0);

CREATE TABLE serial_number (
    sku          VARCHAR(40) NOT NULL REFERENCES product (sku),
    serial       VARCHAR(20) NOT NULL,
    lot_number   VARCHAR(20) NOT NULL,
    location     VARCHAR(30) REFERENCES location (code),
    status       VARCHAR(10) NOT NULL CHECK (status IN ('IN_STOCK', 'PICKED', 'SHIPPED')),
    PRIMARY KEY (sku, serial)
);

CREATE TABLE asn (
    asn_id       VARCHAR(40)  NOT NULL PRIMARY KEY,
    supplier     VARCHAR(100) NOT NULL,
    expected_on  DATE         NOT NULL,
    created_at   TIMESTAMP    NOT NULL
);

CREATE TABLE asn_unit (
    sscc         CHAR(18)    NOT NULL PRIMARY KEY,
    asn_id       VARCHAR(40) NOT NULL REFERENCES asn (asn_id),
    sku          VARCHAR(40) NOT NULL REFERENCES product (sku),
    lot_number   VARCHAR(20) NOT NULL,
    expiry       DATE,
    quantity     INTEGER     NOT NULL CHECK (quantity > 0),
    received_at  TIMESTAMP,
    put_away_at  TIMESTAMP
);

CREATE TABLE cycle_count (
    count_id     BIGINT      NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    location     VARCHAR(30) NOT NULL REFERENCES location (code),
    sku          VARCHAR(40) NOT NULL REFERENCES product (sku),
    lot_number   VARCHAR(20) NOT NULL,
    expected     INTEGER     NOT NULL,
    first_count  INTEGER,
    second_count INTEGER,
    status       VARCHAR(10) NOT NULL CHECK (status IN ('OPEN', 'RECOUNT', 'CLOSED')),
    created_at   TIMESTAMP   NOT NULL,
    closed_at    TIMESTAMP
);
