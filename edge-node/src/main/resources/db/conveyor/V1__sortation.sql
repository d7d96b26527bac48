-- Conveyor sortation (dev.wedge.edge.conveyor).

-- Where a parcel is headed, by the barcode on its label: an SSCC (18 digits) or a shipment barcode. Written by
-- shipping planning (or seeded in the demo); the sorter's lane rules match on these fields.
CREATE TABLE conveyor_sort_destination (
    barcode       VARCHAR(48)  NOT NULL PRIMARY KEY,
    barcode_kind  VARCHAR(10)  NOT NULL CHECK (barcode_kind IN ('SSCC', 'SHIPMENT')),
    route         VARCHAR(40)  NOT NULL DEFAULT '',
    dock_door     VARCHAR(20)  NOT NULL DEFAULT '',
    carrier       VARCHAR(40)  NOT NULL DEFAULT '',
    destination   VARCHAR(80)  NOT NULL DEFAULT '',
    updated_at    TIMESTAMP    NOT NULL
);

-- Every divert decision the edge made, with its reason and timings. One row per parcel: a tracking id seen
-- again (a re-sent notification after a reconnect) is never decided or diverted twice.
CREATE TABLE conveyor_decision (
    decision_id    BIGINT       NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plc_id         VARCHAR(40)  NOT NULL,
    tracking_id    BIGINT       NOT NULL,
    inducted_at    TIMESTAMP    NOT NULL,
    barcode        VARCHAR(100) NOT NULL,
    lane           INTEGER      NOT NULL,
    reason         VARCHAR(20)  NOT NULL CHECK (reason IN ('RULE', 'NO_RULE', 'NO_DESTINATION', 'NO_READ',
                                    'UNKNOWN_BARCODE', 'OVER_BUDGET', 'LOOKUP_FAILED')),
    rule_number    INTEGER,
    decide_micros  BIGINT       NOT NULL,
    write_micros   BIGINT,
    outcome        VARCHAR(10)  NOT NULL CHECK (outcome IN ('SENT', 'FAILED')),
    error          VARCHAR(300),
    decided_at     TIMESTAMP    NOT NULL,
    CONSTRAINT conveyor_decision_once UNIQUE (plc_id, tracking_id, inducted_at)
);

CREATE INDEX conveyor_decision_recent ON conveyor_decision (plc_id, decision_id);

-- The current PackML state of each sorter line; Held, Stopped and Aborted hold the waves that feed it.
CREATE TABLE conveyor_line_state (
    plc_id       VARCHAR(40)  NOT NULL PRIMARY KEY,
    state        VARCHAR(10)  NOT NULL,
    packml_code  INTEGER      NOT NULL,
    holds_waves  BOOLEAN      NOT NULL,
    changed_at   TIMESTAMP    NOT NULL
);
