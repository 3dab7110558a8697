-- Password reset (app.arv.identity.PasswordResets): a mailed link carries a random token; only its SHA-256
-- (hex) is kept, so a copy of the database cannot reset anyone's password. A token works once (used_at)
-- and until expires_at; a user's tokens go with the user.
CREATE TABLE password_reset_token (
    id          UUID         PRIMARY KEY,
    user_id     UUID         NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    token_hash  VARCHAR(64)  NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    expires_at  TIMESTAMPTZ  NOT NULL,
    used_at     TIMESTAMPTZ,
    CONSTRAINT password_reset_token_hash_unique UNIQUE (token_hash),
    CONSTRAINT password_reset_token_expiry_check CHECK (expires_at > created_at)
);
CREATE INDEX password_reset_token_user ON password_reset_token (user_id);
-- The retention pass (none yet) and ad-hoc clean-up delete by age.
CREATE INDEX password_reset_token_expires ON password_reset_token (expires_at);

-- When a person's password was last set (by themselves, a reset or an admin): access tokens issued before it are
-- refused, so a changed password ends the sessions the old one had opened. Null: never changed since this column.
ALTER TABLE app_user ADD COLUMN password_changed_at TIMESTAMPTZ;

-- What a person says of themselves (PATCH /me): a display name and the language ARV writes to them in (mail).
ALTER TABLE app_user ADD COLUMN display_name VARCHAR(200);
ALTER TABLE app_user ADD COLUMN locale VARCHAR(8);
ALTER TABLE app_user ADD CONSTRAINT app_user_locale_check CHECK (locale IN ('en', 'ru'));
