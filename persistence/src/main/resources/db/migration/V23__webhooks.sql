-- Outbound webhooks (app.arv.webhook): an organization's endpoints, what each was sent and every attempt.
-- The signing secret must be usable to sign, so it is kept encrypted (AES-GCM, the storage secrets' key), never
-- hashed; after a rotation the previous one signs too until previous_secret_until (receivers switch over calmly).
-- events is the comma-separated wire names the webhook subscribes to; all_events takes every type, new ones too.
CREATE TABLE webhook (
    id                      UUID           PRIMARY KEY,
    organization_id         UUID           NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    url                     VARCHAR(2048)  NOT NULL,
    description             VARCHAR(500),
    all_events              BOOLEAN        NOT NULL,
    events                  VARCHAR(1000)  NOT NULL,
    secret_ciphertext       VARCHAR(400)   NOT NULL,
    secret_hint             VARCHAR(8)     NOT NULL,
    previous_secret_ciphertext VARCHAR(400),
    previous_secret_until   TIMESTAMPTZ,
    enabled                 BOOLEAN        NOT NULL,
    disabled_reason         VARCHAR(500),
    disabled_at             TIMESTAMPTZ,
    -- Dead deliveries since the last delivered one: at ARV_WEBHOOK_DISABLE_AFTER the webhook is switched off.
    consecutive_dead        INTEGER        NOT NULL DEFAULT 0,
    last_delivered_at       TIMESTAMPTZ,
    created_by              UUID,
    created_at              TIMESTAMPTZ    NOT NULL,
    updated_at              TIMESTAMPTZ    NOT NULL,
    CONSTRAINT webhook_consecutive_dead_check CHECK (consecutive_dead >= 0)
);
CREATE INDEX webhook_organization ON webhook (organization_id, created_at);

-- One event sent to one webhook: an outbox row written in the transaction of the occurrence (a rollback leaves
-- none), with the exact body every attempt sends. event_id is the occurrence's: the same on every retry, for every
-- webhook and for a redelivery (which is a new row), so receivers deduplicate by it. next_attempt_at is both the
-- schedule and the lease, as in mail_outbox: a worker claims due rows (FOR UPDATE SKIP LOCKED), moves
-- next_attempt_at to the end of its lease and stamps claim_token; only that token's holder settles the row.
-- manual: a test event or a redelivery, asked for by a person — sent even while the webhook is disabled.
CREATE TABLE webhook_delivery (
    id                UUID           PRIMARY KEY,
    webhook_id        UUID           NOT NULL REFERENCES webhook (id) ON DELETE CASCADE,
    organization_id   UUID           NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    event_id          UUID           NOT NULL,
    event_type        VARCHAR(64)    NOT NULL,
    payload           TEXT           NOT NULL,
    manual            BOOLEAN        NOT NULL,
    status            VARCHAR(16)    NOT NULL,
    attempts          INTEGER        NOT NULL DEFAULT 0,
    next_attempt_at   TIMESTAMPTZ    NOT NULL,
    first_attempt_at  TIMESTAMPTZ,
    claimed_by        VARCHAR(64),
    claim_token       UUID,
    created_at        TIMESTAMPTZ    NOT NULL,
    settled_at        TIMESTAMPTZ,
    CONSTRAINT webhook_delivery_status_check CHECK (status IN ('PENDING', 'DELIVERED', 'DEAD')),
    CONSTRAINT webhook_delivery_attempts_check CHECK (attempts >= 0)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_webhook ON webhook_delivery (webhook_id, created_at);
CREATE INDEX webhook_delivery_settled ON webhook_delivery (created_at) WHERE status <> 'PENDING';

-- What each attempt got: the HTTP status and the start of the answer, or why there was none.
CREATE TABLE webhook_attempt (
    id                UUID           PRIMARY KEY,
    delivery_id       UUID           NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    number            INTEGER        NOT NULL,
    attempted_at      TIMESTAMPTZ    NOT NULL,
    duration_ms       INTEGER        NOT NULL,
    http_status       INTEGER,
    response_excerpt  VARCHAR(500),
    error             VARCHAR(500),
    CONSTRAINT webhook_attempt_number_check CHECK (number >= 1)
);
CREATE INDEX webhook_attempt_delivery ON webhook_attempt (delivery_id, number);
