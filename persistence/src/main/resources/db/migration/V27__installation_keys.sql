-- The fingerprint of each key that every node of an installation must share (the JWT signing key, the storage
-- encryption key), recorded by the first node that starts with it. A node holding another key refuses to start,
-- rather than having its tokens refused by the other nodes or failing to read the secrets they encrypted.
CREATE TABLE installation_key (
    name        VARCHAR(64)  PRIMARY KEY,
    fingerprint VARCHAR(128) NOT NULL,
    recorded_at TIMESTAMPTZ  NOT NULL
);
