-- A single sign-on that succeeded, waiting for the console to take it (against login CSRF: ARV's tokens no longer travel
-- in a URL, where anybody could send a victim a link carrying theirs). The callback sends the browser to the console with
-- a one-time code and sets a cookie only the hand-off path is sent; the console posts the code, and with the cookie that
-- browser gets the session. Only hashes (SHA-256, hex) of the code and of the cookie's value are kept; a row is used once
-- and good for a minute.
CREATE TABLE oidc_handoff (
    code_hash     VARCHAR(64)  PRIMARY KEY,
    browser_hash  VARCHAR(64)  NOT NULL,
    provider      VARCHAR(63)  NOT NULL,
    user_id       UUID         NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    expires_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX oidc_handoff_expires ON oidc_handoff (expires_at);
