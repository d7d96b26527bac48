-- What the edge last sent HQ of each driver account (hash, name and active flag as one fingerprint), so a changed
-- PIN or a deactivated driver reaches HQ's copy of the driver app once.
CREATE TABLE dispatch_credential_sent (
    badge        VARCHAR(40)   NOT NULL PRIMARY KEY,
    fingerprint  VARCHAR(300)  NOT NULL,
    sent_at      TIMESTAMP     NOT NULL
);
