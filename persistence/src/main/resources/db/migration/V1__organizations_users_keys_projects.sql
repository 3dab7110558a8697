-- Tenants and the people and keys that act for them. Every tenant-owned row carries
-- organization_id; queries always filter on it.

CREATE TABLE organization (
    id          UUID PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    slug        VARCHAR(63)  NOT NULL,
    active      BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at  TIMESTAMPTZ  NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL,
    CONSTRAINT organization_slug_unique UNIQUE (slug),
    CONSTRAINT organization_slug_format CHECK (slug ~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?$')
);

CREATE TABLE app_user (
    id               UUID PRIMARY KEY,
    organization_id  UUID         NOT NULL REFERENCES organization (id),
    email            VARCHAR(254) NOT NULL,
    password_hash    VARCHAR(100) NOT NULL,
    role             VARCHAR(16)  NOT NULL CHECK (role IN ('ADMIN', 'MEMBER')),
    platform_admin   BOOLEAN      NOT NULL DEFAULT FALSE,
    active           BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at       TIMESTAMPTZ  NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL,
    last_login_at    TIMESTAMPTZ
);
-- E-mail addresses are unique whatever their case.
CREATE UNIQUE INDEX app_user_email_unique ON app_user (lower(email));
CREATE INDEX app_user_organization ON app_user (organization_id);

CREATE TABLE api_key (
    id               UUID PRIMARY KEY,
    organization_id  UUID         NOT NULL REFERENCES organization (id),
    name             VARCHAR(100) NOT NULL,
    scope            VARCHAR(16)  NOT NULL CHECK (scope IN ('USER', 'ADMIN')),
    prefix           VARCHAR(16)  NOT NULL,
    secret_hash      VARCHAR(64)  NOT NULL,
    created_by       UUID REFERENCES app_user (id) ON DELETE SET NULL,
    created_at       TIMESTAMPTZ  NOT NULL,
    last_used_at     TIMESTAMPTZ,
    revoked_at       TIMESTAMPTZ,
    CONSTRAINT api_key_secret_hash_unique UNIQUE (secret_hash)
);
CREATE INDEX api_key_organization ON api_key (organization_id);

CREATE TABLE project (
    id               UUID PRIMARY KEY,
    organization_id  UUID         NOT NULL REFERENCES organization (id),
    name             VARCHAR(200) NOT NULL,
    description      VARCHAR(2000),
    created_at       TIMESTAMPTZ  NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL,
    CONSTRAINT project_name_unique_per_organization UNIQUE (organization_id, name)
);
CREATE INDEX project_organization ON project (organization_id);
