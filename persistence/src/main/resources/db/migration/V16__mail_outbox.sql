-- The transactional outbox of e-mail (app.arv.mail): a mail is a row written in the same transaction as
-- the event that caused it, rendered already (subject, plain text, HTML), so the worker needs nothing else.
-- next_attempt_at is both the schedule and the lease: a worker claims due rows (FOR UPDATE SKIP LOCKED) by
-- moving next_attempt_at to the end of its lease and stamping claim_token; if its node dies mid-send, the
-- row is simply due again once the lease has passed. Only the holder of the current claim_token may
-- settle a row (sent, retry later, dead).
CREATE TABLE mail_outbox (
    id               UUID           PRIMARY KEY,
    organization_id  UUID           REFERENCES organization (id) ON DELETE CASCADE,
    template         VARCHAR(100)   NOT NULL,
    recipient        VARCHAR(320)   NOT NULL,
    locale           VARCHAR(35)    NOT NULL,
    subject          VARCHAR(998)   NOT NULL,
    text_body        TEXT           NOT NULL,
    html_body        TEXT           NOT NULL,
    status           VARCHAR(16)    NOT NULL,
    attempts         INTEGER        NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ    NOT NULL,
    claimed_by       VARCHAR(64),
    claim_token      UUID,
    last_error       VARCHAR(1000),
    created_at       TIMESTAMPTZ    NOT NULL,
    sent_at          TIMESTAMPTZ,
    CONSTRAINT mail_outbox_status_check CHECK (status IN ('QUEUED', 'SENT', 'DEAD')),
    CONSTRAINT mail_outbox_attempts_check CHECK (attempts >= 0)
);
-- The worker's claim: due queued mails in schedule order; sent and dead rows are not in the index.
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE status = 'QUEUED';
CREATE INDEX mail_outbox_organization ON mail_outbox (organization_id, created_at);
-- The retention pass deletes settled (sent or dead) mails by age: their bodies may hold links with tokens.
CREATE INDEX mail_outbox_settled ON mail_outbox (created_at) WHERE status <> 'QUEUED';
