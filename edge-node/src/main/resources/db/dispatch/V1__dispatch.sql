-- Dispatch: drivers, customers' proof rules, planned routes and their stops, what drivers did on the road.

CREATE TABLE dispatch_driver (
    driver_id     VARCHAR(32)  NOT NULL PRIMARY KEY,
    name          VARCHAR(100) NOT NULL,
    shift_start   TIMESTAMP    NOT NULL,
    shift_end     TIMESTAMP    NOT NULL,
    last_lat      DOUBLE,
    last_lon      DOUBLE,
    last_seen     TIMESTAMP
);

-- Each proof rule is REQUIRED, OPTIONAL or WARNED (the driver may go on without it, and the stop shows a warning).
CREATE TABLE dispatch_customer (
    customer_id     VARCHAR(32)  NOT NULL PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    email           VARCHAR(200),
    signature_rule  VARCHAR(8)   NOT NULL CHECK (signature_rule IN ('REQUIRED', 'OPTIONAL', 'WARNED')),
    photo_rule      VARCHAR(8)   NOT NULL CHECK (photo_rule IN ('REQUIRED', 'OPTIONAL', 'WARNED')),
    sscc_rule       VARCHAR(8)   NOT NULL CHECK (sscc_rule IN ('REQUIRED', 'OPTIONAL', 'WARNED'))
);

CREATE TABLE dispatch_route (
    route_id            VARCHAR(60)  NOT NULL PRIMARY KEY,
    vehicle_id          VARCHAR(32)  NOT NULL,
    driver_id           VARCHAR(32)  REFERENCES dispatch_driver (driver_id),
    depot_lat           DOUBLE       NOT NULL,
    depot_lon           DOUBLE       NOT NULL,
    status              VARCHAR(10)  NOT NULL CHECK (status IN ('PLANNED', 'STARTED', 'FINISHED')),
    planned_start       TIMESTAMP    NOT NULL,
    planned_end         TIMESTAMP    NOT NULL,
    planned_distance_m  DOUBLE       NOT NULL,
    started_at          TIMESTAMP,
    finished_at         TIMESTAMP,
    actual_distance_m   DOUBLE       DEFAULT 0 NOT NULL,
    last_lat            DOUBLE,
    last_lon            DOUBLE
);

CREATE TABLE dispatch_stop (
    stop_id          VARCHAR(60)   NOT NULL PRIMARY KEY,
    route_id         VARCHAR(60)   NOT NULL REFERENCES dispatch_route (route_id),
    seq              INTEGER       NOT NULL,
    customer_id      VARCHAR(32)   NOT NULL REFERENCES dispatch_customer (customer_id),
    address          VARCHAR(300)  NOT NULL,
    notes            VARCHAR(1000) NOT NULL,
    lat              DOUBLE        NOT NULL,
    lon              DOUBLE        NOT NULL,
    window_start     TIMESTAMP     NOT NULL,
    window_end       TIMESTAMP     NOT NULL,
    service_seconds  INTEGER       NOT NULL,
    planned_arrival  TIMESTAMP     NOT NULL,
    eta              TIMESTAMP,
    pinned_driver    VARCHAR(32),
    status           VARCHAR(10)   NOT NULL CHECK (status IN ('PENDING', 'ARRIVED', 'DELIVERED', 'FAILED')),
    arrived_at       TIMESTAMP,
    completed_at     TIMESTAMP,
    fail_reason      VARCHAR(30),
    fail_note        VARCHAR(500),
    proof_warnings   VARCHAR(500),
    late_alerted     SMALLINT      DEFAULT 0 NOT NULL,
    eta_notified     SMALLINT      DEFAULT 0 NOT NULL,
    tracking_token   CHAR(22)      NOT NULL UNIQUE,
    token_expires    TIMESTAMP     NOT NULL
);

CREATE INDEX dispatch_stop_route ON dispatch_stop (route_id, seq);

-- The packages (by SSCC) a stop receives; scanned_at is set when the driver scanned it on delivery.
CREATE TABLE dispatch_stop_package (
    stop_id     VARCHAR(60)  NOT NULL REFERENCES dispatch_stop (stop_id),
    sscc        CHAR(18)     NOT NULL,
    scanned_at  TIMESTAMP,
    PRIMARY KEY (stop_id, sscc)
);

CREATE TABLE dispatch_proof (
    stop_id       VARCHAR(60)  NOT NULL REFERENCES dispatch_stop (stop_id),
    kind          VARCHAR(10)  NOT NULL CHECK (kind IN ('SIGNATURE', 'PHOTO')),
    content_type  VARCHAR(40)  NOT NULL,
    data          BLOB(16M)    NOT NULL,
    sha256        CHAR(64)     NOT NULL,
    captured_at   TIMESTAMP    NOT NULL,
    PRIMARY KEY (stop_id, kind)
);

CREATE TABLE dispatch_position (
    position_id  BIGINT       NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    driver_id    VARCHAR(32)  NOT NULL,
    route_id     VARCHAR(60),
    lat          DOUBLE       NOT NULL,
    lon          DOUBLE       NOT NULL,
    recorded_at  TIMESTAMP    NOT NULL
);

-- Every driver action by its client-generated idempotency key: a key seen again is answered from here, so each
-- action is applied exactly once however often the phone sends it.
CREATE TABLE dispatch_action (
    idem_key    VARCHAR(64)   NOT NULL PRIMARY KEY,
    driver_id   VARCHAR(32)   NOT NULL,
    kind        VARCHAR(12)   NOT NULL,
    stop_id     VARCHAR(60),
    outcome     VARCHAR(10)   NOT NULL CHECK (outcome IN ('APPLIED', 'REJECTED')),
    detail      VARCHAR(500)  NOT NULL,
    applied_at  TIMESTAMP     NOT NULL
);

CREATE TABLE dispatch_alert (
    alert_id   BIGINT        NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    route_id   VARCHAR(60)   NOT NULL,
    stop_id    VARCHAR(60),
    kind       VARCHAR(20)   NOT NULL,
    message    VARCHAR(500)  NOT NULL,
    raised_at  TIMESTAMP     NOT NULL
);

-- Customer notifications, queued in the transaction of the event and sent afterwards (state 0 pending, 1 sent,
-- 2 given up).
CREATE TABLE dispatch_notification (
    notification_id  BIGINT        NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    stop_id          VARCHAR(60),
    route_id         VARCHAR(60)   NOT NULL,
    event            VARCHAR(20)   NOT NULL,
    channel          VARCHAR(10)   NOT NULL CHECK (channel IN ('EMAIL', 'WEBHOOK')),
    target           VARCHAR(300)  NOT NULL,
    subject          VARCHAR(300)  NOT NULL,
    body             CLOB          NOT NULL,
    state            SMALLINT      DEFAULT 0 NOT NULL,
    attempts         INTEGER       DEFAULT 0 NOT NULL,
    last_error       VARCHAR(500),
    created_at       TIMESTAMP     NOT NULL,
    sent_at          TIMESTAMP
);
