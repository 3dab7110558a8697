-- Notifications (app.arv.notification): what people are told about their organization's work, and how.

-- The in-app channel: one row per occurrence and recipient, shown newest first, unread until the person reads it.
-- data is the occurrence's details as the API shows them (snake_case JSON). Read notifications older than
-- ARV_NOTIFICATION_RETENTION are deleted by an hourly timer; unread ones stay until read.
CREATE TABLE notification (
    id               UUID          PRIMARY KEY,
    organization_id  UUID          NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    user_id          UUID          NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    type             VARCHAR(40)   NOT NULL,
    subject_id       UUID,
    data             TEXT          NOT NULL,
    occurred_at      TIMESTAMPTZ   NOT NULL,
    read_at          TIMESTAMPTZ,
    created_at       TIMESTAMPTZ   NOT NULL,
    updated_at       TIMESTAMPTZ   NOT NULL
);
-- A person's list, newest first, and their unread count.
CREATE INDEX notification_recipient ON notification (user_id, created_at DESC, id DESC);
CREATE INDEX notification_unread ON notification (user_id) WHERE read_at IS NULL;
-- The retention pass deletes read notifications by when they were read.
CREATE INDEX notification_read ON notification (read_at) WHERE read_at IS NOT NULL;

-- A person's choices per event type and channel; a missing row means the channel's default for the type.
CREATE TABLE notification_preference (
    user_id     UUID          NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    event_type  VARCHAR(40)   NOT NULL,
    channel     VARCHAR(16)   NOT NULL,
    enabled     BOOLEAN       NOT NULL,
    updated_at  TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (user_id, event_type, channel),
    CONSTRAINT notification_preference_channel_check CHECK (channel IN ('IN_APP', 'EMAIL'))
);

-- Occurrences that must be told once only (a quota's 80 % in a month, a content's expiry warning for one expiry
-- date): the first transaction to insert the mark fires the occurrence; any other, on any node or after a restart,
-- finds it taken (the primary key) and fires nothing. A mark rolled back with its transaction frees it again.
CREATE TABLE occurrence_mark (
    organization_id  UUID           NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    mark             VARCHAR(200)   NOT NULL,
    created_at       TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (organization_id, mark)
);

-- Who started the work a notification is about, so they hear how it ended (null: an API key, or a person since deleted).
ALTER TABLE ar_content ADD COLUMN created_by UUID REFERENCES app_user (id) ON DELETE SET NULL;
ALTER TABLE generation_job ADD COLUMN created_by UUID REFERENCES app_user (id) ON DELETE SET NULL;

-- The expiry timer's scan: content by expiry date.
CREATE INDEX ar_content_expires ON ar_content (expires_at) WHERE expires_at IS NOT NULL;
