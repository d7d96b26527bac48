-- HQ's copy of one warehouse's dispatch (in that warehouse's own schema, next to the db/dispatch tables that the
-- synced events fill): how far the warehouse's records have been applied, the driver actions HQ relayed down to
-- the warehouse, and the driver credentials the warehouse synced (hashes only).
CREATE TABLE dispatch_hq_cursor (
    id               SMALLINT  NOT NULL PRIMARY KEY,
    applied_through  BIGINT    NOT NULL
);
INSERT INTO dispatch_hq_cursor (id, applied_through) VALUES (1, 0);

CREATE TABLE dispatch_hq_relayed (
    idem_key    VARCHAR(64)  NOT NULL PRIMARY KEY,
    driver_id   VARCHAR(32)  NOT NULL,
    cursor_no   BIGINT       NOT NULL,
    relayed_at  TIMESTAMP    NOT NULL
);

CREATE TABLE dispatch_hq_credential (
    badge       VARCHAR(40)   NOT NULL PRIMARY KEY,
    name        VARCHAR(100)  NOT NULL,
    pin_hash    VARCHAR(100)  NOT NULL,
    pin_salt    VARCHAR(40)   NOT NULL,
    iterations  INTEGER       NOT NULL,
    active      BOOLEAN       NOT NULL
);
