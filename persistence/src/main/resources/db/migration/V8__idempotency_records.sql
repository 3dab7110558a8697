-- Idempotency-Key records: the first answer to a (organization, credential, key) request, replayed to
-- its duplicates for arv.idempotency.retention (24 h). A row without a status is a claim: the first
-- request is still doing the work (until locked_until, after which a crashed node's claim is taken over).
CREATE TABLE idempotency_record (
    id                UUID PRIMARY KEY,
    organization_id   UUID           NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    credential        VARCHAR(64)    NOT NULL,
    idempotency_key   VARCHAR(255)   NOT NULL,
    request_line      VARCHAR(4096)  NOT NULL,
    body_sha256       BYTEA,
    status            INTEGER,
    content_type      VARCHAR(255),
    location          VARCHAR(4096),
    body              BYTEA,
    created_at        TIMESTAMPTZ    NOT NULL,
    locked_until      TIMESTAMPTZ    NOT NULL,
    completed_at      TIMESTAMPTZ,
    CONSTRAINT idempotency_record_key UNIQUE (organization_id, credential, idempotency_key)
);
-- The clean-up timer deletes by age.
CREATE INDEX idempotency_record_created ON idempotency_record (created_at);
