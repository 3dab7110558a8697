-- Where an organization's files live, the files themselves (stored once per organization, by
-- content hash), who uses them, and the deletions still owed to a store.

CREATE TABLE storage_connection (
    id                 UUID PRIMARY KEY,
    organization_id    UUID         NOT NULL REFERENCES organization (id),
    name               VARCHAR(100) NOT NULL,
    provider           VARCHAR(8)   NOT NULL CHECK (provider IN ('LOCAL', 'S3')),
    is_default         BOOLEAN      NOT NULL DEFAULT FALSE,
    -- LOCAL: a directory below the platform's storage root.
    directory          VARCHAR(500),
    -- S3: endpoint, region, bucket and credentials; the secret only as AES-GCM ciphertext.
    endpoint           VARCHAR(500),
    region             VARCHAR(64),
    bucket             VARCHAR(63),
    access_key         VARCHAR(200),
    secret_ciphertext  VARCHAR(1000),
    base_path          VARCHAR(200),
    created_at         TIMESTAMPTZ  NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL,
    CONSTRAINT storage_connection_name_unique UNIQUE (organization_id, name),
    CONSTRAINT storage_connection_local_has_directory CHECK (provider <> 'LOCAL' OR directory IS NOT NULL),
    CONSTRAINT storage_connection_s3_complete CHECK (provider <> 'S3'
        OR (endpoint IS NOT NULL AND bucket IS NOT NULL AND access_key IS NOT NULL AND secret_ciphertext IS NOT NULL))
);
-- At most one default per organization; none means the platform's own local store.
CREATE UNIQUE INDEX storage_connection_one_default ON storage_connection (organization_id) WHERE is_default;

CREATE TABLE media_resource (
    id                     UUID PRIMARY KEY,
    organization_id        UUID         NOT NULL REFERENCES organization (id),
    sha256                 CHAR(64)     NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size_bytes             BIGINT       NOT NULL CHECK (size_bytes > 0),
    media_type             VARCHAR(100) NOT NULL,
    original_name          VARCHAR(255) NOT NULL,
    width                  INTEGER,
    height                 INTEGER,
    -- NULL: the platform's default local store.
    storage_connection_id  UUID REFERENCES storage_connection (id),
    storage_key            VARCHAR(500) NOT NULL,
    created_at             TIMESTAMPTZ  NOT NULL,
    deleted_at             TIMESTAMPTZ
);
-- Identical bytes are stored once per organization; dedup never crosses organizations.
CREATE UNIQUE INDEX media_resource_live_sha256 ON media_resource (organization_id, sha256) WHERE deleted_at IS NULL;
CREATE INDEX media_resource_organization ON media_resource (organization_id, created_at);

CREATE TABLE media_attachment (
    id               UUID PRIMARY KEY,
    organization_id  UUID        NOT NULL REFERENCES organization (id),
    resource_id      UUID        NOT NULL REFERENCES media_resource (id),
    -- Polymorphic owner (kind + id) rather than foreign keys, so any entity can use media.
    entity_kind      VARCHAR(32) NOT NULL CHECK (entity_kind ~ '^[A-Z][A-Z_]*$'),
    entity_id        UUID        NOT NULL,
    role             VARCHAR(32) NOT NULL CHECK (role IN
        ('SOURCE_IMAGE', 'THUMBNAIL', 'MIND_TARGET', 'MODEL_GLB', 'OVERLAY_VIDEO', 'PREVIEW')),
    created_at       TIMESTAMPTZ NOT NULL,
    CONSTRAINT media_attachment_unique UNIQUE (resource_id, entity_kind, entity_id, role)
);
CREATE INDEX media_attachment_owner ON media_attachment (organization_id, entity_kind, entity_id);

-- Objects a store still has to delete, retried with backoff.
CREATE TABLE media_deletion (
    id                     UUID PRIMARY KEY,
    organization_id        UUID         NOT NULL REFERENCES organization (id),
    resource_id            UUID         NOT NULL REFERENCES media_resource (id),
    storage_connection_id  UUID REFERENCES storage_connection (id),
    storage_key            VARCHAR(500) NOT NULL,
    attempts               INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at        TIMESTAMPTZ  NOT NULL,
    last_error             VARCHAR(1000),
    created_at             TIMESTAMPTZ  NOT NULL
);
CREATE INDEX media_deletion_due ON media_deletion (next_attempt_at);

-- Deletions that kept failing: parked for an operator, never silently dropped.
CREATE TABLE media_deletion_dead_letter (
    id                     UUID PRIMARY KEY,
    organization_id        UUID         NOT NULL REFERENCES organization (id),
    resource_id            UUID         NOT NULL REFERENCES media_resource (id),
    storage_connection_id  UUID REFERENCES storage_connection (id),
    storage_key            VARCHAR(500) NOT NULL,
    attempts               INTEGER      NOT NULL,
    last_error             VARCHAR(1000),
    first_attempt_at       TIMESTAMPTZ  NOT NULL,
    parked_at              TIMESTAMPTZ  NOT NULL
);
CREATE INDEX media_deletion_dead_letter_organization ON media_deletion_dead_letter (organization_id, parked_at);

-- Direct-to-storage uploads: announced, then completed (verified and registered) or expired.
CREATE TABLE media_upload (
    id                     UUID PRIMARY KEY,
    organization_id        UUID         NOT NULL REFERENCES organization (id),
    storage_connection_id  UUID         NOT NULL REFERENCES storage_connection (id),
    storage_key            VARCHAR(500) NOT NULL,
    original_name          VARCHAR(255) NOT NULL,
    declared_size          BIGINT       NOT NULL CHECK (declared_size > 0),
    declared_sha256        CHAR(64)     NOT NULL,
    expires_at             TIMESTAMPTZ  NOT NULL,
    created_at             TIMESTAMPTZ  NOT NULL
);
CREATE INDEX media_upload_organization ON media_upload (organization_id);
