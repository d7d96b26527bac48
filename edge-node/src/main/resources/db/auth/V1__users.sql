-- People who log in on the handhelds and the supervisor view. PINs are stored as PBKDF2 hashes only.
CREATE TABLE wedge_user (
    badge        VARCHAR(40)  NOT NULL PRIMARY KEY,
    display_name VARCHAR(100) NOT NULL,
    role         VARCHAR(12)  NOT NULL CHECK (role IN ('PICKER', 'PACKER', 'DOCK', 'SUPERVISOR', 'ADMIN')),
    pin_hash     VARCHAR(100) NOT NULL,
    pin_salt     VARCHAR(40)  NOT NULL,
    iterations   INTEGER      NOT NULL,
    active       BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at   TIMESTAMP    NOT NULL
);
