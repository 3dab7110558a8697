-- The audit log of each organization (app.arv.audit.AuditTrail): sign-ins, keys, people, published and deleted
-- content, storage connections, organization settings. A row is written in the same transaction as the change it
-- records (a failed sign-in in one of its own) and never changed; ARV_AUDIT_RETENTION deletes old rows.
-- actor_id and subject_id carry no foreign key and actor_label copies the e-mail address or key name, so a row still
-- reads after the account, key or content it names is gone.
CREATE TABLE audit_event (
    id               UUID          PRIMARY KEY,
    organization_id  UUID          NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    at               TIMESTAMPTZ   NOT NULL,
    action           VARCHAR(40)   NOT NULL,
    actor_kind       VARCHAR(16)   NOT NULL,
    actor_id         UUID,
    actor_label      VARCHAR(320),
    subject_type     VARCHAR(32)   NOT NULL,
    subject_id       UUID,
    client_address   VARCHAR(64),
    user_agent       VARCHAR(200),
    request_id       VARCHAR(128),
    -- What else the action says (a new role, a key's name, why a sign-in failed), snake_case keys.
    details          JSONB         NOT NULL DEFAULT '{}',
    CONSTRAINT audit_event_action_check CHECK (action IN (
        'sign_in.succeeded', 'sign_in.failed',
        'api_key.created', 'api_key.revoked',
        'user.added', 'user.invited', 'user.changed', 'user.deactivated', 'user.password_set',
        'ar_content.published', 'ar_content.unpublished', 'ar_content.deleted',
        'storage_connection.created', 'storage_connection.changed', 'storage_connection.deleted',
        'organization.changed', 'quota.changed', 'sso_domain.changed')),
    CONSTRAINT audit_event_actor_kind_check CHECK (actor_kind IN ('PERSON', 'API_KEY', 'PLATFORM_ADMIN', 'SYSTEM', 'ANONYMOUS')),
    CONSTRAINT audit_event_subject_type_check CHECK (subject_type IN ('user', 'api_key', 'ar_content', 'storage_connection',
        'organization')),
    CONSTRAINT audit_event_details_check CHECK (jsonb_typeof(details) = 'object')
);
-- The listing: an organization's events newest first (and its filters within that).
CREATE INDEX audit_event_listing ON audit_event (organization_id, at DESC, id DESC);
-- Retention: the oldest rows of all organizations.
CREATE INDEX audit_event_at ON audit_event (at);
