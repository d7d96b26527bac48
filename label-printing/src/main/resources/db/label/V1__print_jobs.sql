-- Durable print jobs of the label-printing module (dev.wedge.label.job.JdbcPrintJobStore).
CREATE TABLE label_print_job (
    -- Order of arrival, written by the store (an identity column contends under concurrent inserts in Derby).
    seq             BIGINT       NOT NULL PRIMARY KEY,
    job_id          VARCHAR(64)  NOT NULL,
    printer_id      VARCHAR(100) NOT NULL,
    zpl             CLOB         NOT NULL,
    label_count     INTEGER      NOT NULL,
    state           VARCHAR(10)  NOT NULL,
    hold_reason     VARCHAR(30),
    hold_detail     VARCHAR(500) NOT NULL,
    odometer_before BIGINT,
    attempts        INTEGER      NOT NULL,
    reprint_of      VARCHAR(64),
    created_at      TIMESTAMP    NOT NULL,
    updated_at      TIMESTAMP    NOT NULL,
    CONSTRAINT label_print_job_id UNIQUE (job_id),
    CONSTRAINT label_print_job_state CHECK (state IN ('QUEUED', 'SENT', 'DONE', 'HELD')),
    CONSTRAINT label_print_job_count CHECK (label_count >= 1)
);

CREATE INDEX label_print_job_open ON label_print_job (printer_id, state, seq);

CREATE TABLE label_reprint_audit (
    seq             BIGINT       NOT NULL PRIMARY KEY,
    original_job_id VARCHAR(64)  NOT NULL,
    reprint_job_id  VARCHAR(64)  NOT NULL,
    requested_by    VARCHAR(100) NOT NULL,
    reason          VARCHAR(500) NOT NULL,
    requested_at    TIMESTAMP    NOT NULL
);

CREATE INDEX label_reprint_audit_original ON label_reprint_audit (original_job_id, seq);
