-- Invitations (app.arv.identity.Invitations): an org admin invites an e-mail address with a role; the mailed link
-- carries a random token of which only the SHA-256 (hex) is kept. The link works once (used_at: accepted, the
-- person exists) and until expires_at (ARV_INVITATION_TTL); a resend replaces the token (the old link is dead) and
-- the expiry; revoked_at ends it early. One open (neither accepted nor revoked) invitation per address and
-- organization: the partial unique index turns a second, concurrent invite into a conflict, never a duplicate.
CREATE TABLE invitation (
    id               UUID          PRIMARY KEY,
    organization_id  UUID          NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    email            VARCHAR(254)  NOT NULL,
    role             VARCHAR(16)   NOT NULL CHECK (role IN ('ADMIN', 'MEMBER')),
    display_name     VARCHAR(200),
    locale           VARCHAR(8)    NOT NULL CHECK (locale IN ('en', 'ru')),
    invited_by       UUID          REFERENCES app_user (id) ON DELETE SET NULL,
    token_hash       VARCHAR(64)   NOT NULL,
    sent_at          TIMESTAMPTZ   NOT NULL,
    expires_at       TIMESTAMPTZ   NOT NULL,
    used_at          TIMESTAMPTZ,
    revoked_at       TIMESTAMPTZ,
    created_at       TIMESTAMPTZ   NOT NULL,
    updated_at       TIMESTAMPTZ   NOT NULL,
    CONSTRAINT invitation_token_hash_unique UNIQUE (token_hash),
    CONSTRAINT invitation_expiry_check CHECK (expires_at > sent_at),
    CONSTRAINT invitation_closed_once CHECK (used_at IS NULL OR revoked_at IS NULL)
);
CREATE UNIQUE INDEX invitation_open_unique ON invitation (organization_id, lower(email))
    WHERE used_at IS NULL AND revoked_at IS NULL;
CREATE INDEX invitation_organization ON invitation (organization_id, created_at);
-- The hourly clean-up deletes by expiry.
CREATE INDEX invitation_expires ON invitation (expires_at);

-- Self-service sign-up (app.arv.identity.Signups, only with ARV_SIGNUP_ENABLED): what a person asked for, kept
-- until they follow the mailed verification link — the password already as its bcrypt hash, never the password.
-- The token works once and until expires_at (ARV_SIGNUP_TTL); expired rows are deleted by the hourly clean-up.
CREATE TABLE pending_signup (
    id                 UUID          PRIMARY KEY,
    organization_name  VARCHAR(200)  NOT NULL,
    email              VARCHAR(254)  NOT NULL,
    display_name       VARCHAR(200)  NOT NULL,
    password_hash      VARCHAR(100)  NOT NULL,
    locale             VARCHAR(8)    NOT NULL CHECK (locale IN ('en', 'ru')),
    token_hash         VARCHAR(64)   NOT NULL,
    created_at         TIMESTAMPTZ   NOT NULL,
    expires_at         TIMESTAMPTZ   NOT NULL,
    used_at            TIMESTAMPTZ,
    CONSTRAINT pending_signup_token_hash_unique UNIQUE (token_hash),
    CONSTRAINT pending_signup_expiry_check CHECK (expires_at > created_at)
);
CREATE INDEX pending_signup_expires ON pending_signup (expires_at);
