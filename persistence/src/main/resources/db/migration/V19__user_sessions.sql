-- Sessions (app.arv.identity.Sessions): a sign-in opens a session, the family of refresh tokens that rotate within
-- it, with what the person sees of the device in their session list. Access tokens name their session (claim sid)
-- and stop working the moment it is revoked. A session ends when revoked (logout, a password change or reset,
-- reuse of a rotated refresh token), past expires_at (ARV_REFRESH_TOKEN_TTL from sign-in), or after
-- ARV_REFRESH_TOKEN_IDLE_TTL without a refresh (from last_used_at); ended sessions are deleted by the hourly clean-up.
CREATE TABLE user_session (
    id                  UUID          PRIMARY KEY,
    user_id             UUID          NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    user_agent          VARCHAR(512),
    client_address      VARCHAR(64),
    created_at          TIMESTAMPTZ   NOT NULL,
    last_used_at        TIMESTAMPTZ   NOT NULL,
    expires_at          TIMESTAMPTZ   NOT NULL,
    revoked_at          TIMESTAMPTZ,
    revoked_reason      VARCHAR(32),
    -- The refresh token rotated last and when: presented again within seconds (two requests racing with one
    -- token), it is refused without ending the session; any other reuse of a rotated token ends it.
    previous_token_hash VARCHAR(64),
    rotated_at          TIMESTAMPTZ,
    CONSTRAINT user_session_expiry_check CHECK (expires_at > created_at),
    CONSTRAINT user_session_revoked_check CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL))
);
CREATE INDEX user_session_user ON user_session (user_id);
CREATE INDEX user_session_expires ON user_session (expires_at);

-- Every refresh token a session was given: only the SHA-256 (hex) of the random token, so a copy of the database
-- signs nobody in. The unused one is the session's current token; used ones stay, so their reuse is recognised.
CREATE TABLE refresh_token (
    token_hash  VARCHAR(64)  PRIMARY KEY,
    session_id  UUID         NOT NULL REFERENCES user_session (id) ON DELETE CASCADE,
    created_at  TIMESTAMPTZ  NOT NULL,
    used_at     TIMESTAMPTZ
);
CREATE INDEX refresh_token_session ON refresh_token (session_id);
