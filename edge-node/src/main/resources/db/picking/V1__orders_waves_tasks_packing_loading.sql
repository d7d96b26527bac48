-- Orders (from HQ), waves, pick tasks, short-pick follow-ups, pack units and truck loading.

CREATE TABLE customer_order (
    order_id          VARCHAR(40)  NOT NULL PRIMARY KEY,
    customer          VARCHAR(100) NOT NULL,
    route             VARCHAR(30)  NOT NULL,
    stop_sequence     INTEGER      NOT NULL,
    planned_departure TIMESTAMP    NOT NULL,
    dock_door         VARCHAR(30)  NOT NULL,
    status            VARCHAR(10)  NOT NULL CHECK (status IN ('NEW', 'RELEASED', 'PICKED', 'PACKED', 'LOADED')),
    wave_id           BIGINT,
    tote              VARCHAR(30),
    received_at       TIMESTAMP    NOT NULL
);

CREATE TABLE order_line (
    order_id     VARCHAR(40) NOT NULL REFERENCES customer_order (order_id),
    line_no      INTEGER     NOT NULL,
    sku          VARCHAR(40) NOT NULL REFERENCES product (sku),
    quantity     INTEGER     NOT NULL CHECK (quantity > 0),
    allocated    INTEGER     NOT NULL DEFAULT 0,
    picked       INTEGER     NOT NULL DEFAULT 0,
    packed       INTEGER     NOT NULL DEFAULT 0,
    PRIMARY KEY (order_id, line_no)
);

CREATE TABLE wave (
    wave_id           BIGINT      NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    route             VARCHAR(30) NOT NULL,
    dock_door         VARCHAR(30) NOT NULL,
    planned_departure TIMESTAMP   NOT NULL,
    status            VARCHAR(10) NOT NULL CHECK (status IN ('RELEASED', 'PICKING', 'PICKED')),
    created_at        TIMESTAMP   NOT NULL
);

CREATE TABLE pick_task (
    task_id       BIGINT      NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    wave_id       BIGINT      NOT NULL REFERENCES wave (wave_id),
    order_id      VARCHAR(40) NOT NULL,
    line_no       INTEGER     NOT NULL,
    sku           VARCHAR(40) NOT NULL REFERENCES product (sku),
    lot_number    VARCHAR(20) NOT NULL,
    location      VARCHAR(30) NOT NULL REFERENCES location (code),
    pick_sequence INTEGER     NOT NULL,
    tote          VARCHAR(30) NOT NULL,
    quantity      INTEGER     NOT NULL CHECK (quantity > 0),
    picked        INTEGER     NOT NULL DEFAULT 0,
    counted       INTEGER     NOT NULL DEFAULT 0,
    step          VARCHAR(10) NOT NULL CHECK (step IN ('LOCATION', 'ITEM', 'QUANTITY', 'DONE')),
    status        VARCHAR(10) NOT NULL CHECK (status IN ('OPEN', 'DONE', 'SHORT')),
    picked_by     VARCHAR(40),
    done_at       TIMESTAMP,
    CONSTRAINT pick_not_above_task CHECK (picked <= quantity),
    FOREIGN KEY (order_id, line_no) REFERENCES order_line (order_id, line_no)
);
CREATE INDEX pick_task_wave ON pick_task (wave_id, status, pick_sequence);

CREATE TABLE pick_serial (
    task_id      BIGINT      NOT NULL REFERENCES pick_task (task_id),
    sku          VARCHAR(40) NOT NULL,
    serial       VARCHAR(20) NOT NULL,
    confirmed    BOOLEAN     NOT NULL DEFAULT FALSE,
    PRIMARY KEY (sku, serial)
);

CREATE TABLE follow_up (
    follow_up_id BIGINT       NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind         VARCHAR(15)  NOT NULL CHECK (kind IN ('REPLENISHMENT', 'BACKORDER')),
    task_id      BIGINT       REFERENCES pick_task (task_id),
    order_id     VARCHAR(40)  NOT NULL,
    sku          VARCHAR(40)  NOT NULL,
    location     VARCHAR(30),
    quantity     INTEGER      NOT NULL,
    reason       VARCHAR(20)  NOT NULL,
    reported_by  VARCHAR(40)  NOT NULL,
    created_at   TIMESTAMP    NOT NULL
);

CREATE TABLE pack_unit (
    unit_id      BIGINT      NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id     VARCHAR(40) NOT NULL REFERENCES customer_order (order_id),
    kind         VARCHAR(10) NOT NULL CHECK (kind IN ('CARTON', 'PALLET')),
    status       VARCHAR(10) NOT NULL CHECK (status IN ('OPEN', 'CLOSED', 'LOADED')),
    sscc         CHAR(18) UNIQUE,
    label_job    BIGINT,
    opened_by    VARCHAR(40) NOT NULL,
    opened_at    TIMESTAMP   NOT NULL,
    closed_at    TIMESTAMP
);

CREATE TABLE pack_content (
    unit_id      BIGINT      NOT NULL REFERENCES pack_unit (unit_id),
    sku          VARCHAR(40) NOT NULL,
    lot_number   VARCHAR(20) NOT NULL,
    quantity     INTEGER     NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (unit_id, sku, lot_number)
);

CREATE TABLE truck (
    truck_id          VARCHAR(30) NOT NULL PRIMARY KEY,
    route             VARCHAR(30) NOT NULL,
    dock_door         VARCHAR(30) NOT NULL,
    planned_departure TIMESTAMP   NOT NULL
);

CREATE TABLE truck_load (
    truck_id     VARCHAR(30) NOT NULL REFERENCES truck (truck_id),
    load_seq     INTEGER     NOT NULL,
    sscc         CHAR(18)    NOT NULL UNIQUE,
    loaded_at    TIMESTAMP,
    loaded_by    VARCHAR(40),
    PRIMARY KEY (truck_id, load_seq)
);
