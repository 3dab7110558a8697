-- Image -> 3D generation: a job is one request (its options), an item one source image becoming one GLB.

CREATE TABLE generation_job (
    id                UUID PRIMARY KEY,
    organization_id   UUID          NOT NULL REFERENCES organization (id),
    project_id        UUID REFERENCES project (id) ON DELETE SET NULL,
    provider          VARCHAR(32)   NOT NULL,
    priority          VARCHAR(8)    NOT NULL CHECK (priority IN ('HIGH', 'NORMAL', 'LOW')),
    face_limit        INTEGER       NOT NULL,
    texture           VARCHAR(16)   NOT NULL,
    status            VARCHAR(16)   NOT NULL CHECK (status IN ('QUEUED', 'PROCESSING', 'COMPLETED', 'FAILED', 'CANCELLED')),
    item_count        INTEGER       NOT NULL,
    finished_at       TIMESTAMPTZ,
    created_at        TIMESTAMPTZ   NOT NULL,
    updated_at        TIMESTAMPTZ   NOT NULL
);
CREATE INDEX generation_job_org ON generation_job (organization_id, created_at DESC);

CREATE TABLE generation_item (
    id                UUID PRIMARY KEY,
    organization_id   UUID          NOT NULL REFERENCES organization (id),
    job_id            UUID          NOT NULL REFERENCES generation_job (id) ON DELETE CASCADE,
    position          INTEGER       NOT NULL,
    source_media_id   UUID          NOT NULL REFERENCES media_resource (id),
    status            VARCHAR(16)   NOT NULL CHECK (status IN ('QUEUED', 'PROCESSING', 'COMPLETED', 'FAILED', 'CANCELLED')),
    progress          INTEGER       NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    stage             VARCHAR(32),
    error             VARCHAR(1000),
    model_media_id    UUID REFERENCES media_resource (id),
    preview_media_id  UUID REFERENCES media_resource (id),
    -- How often a worker took the item: a redelivered message shows as a second attempt.
    attempts          INTEGER       NOT NULL DEFAULT 0,
    started_at        TIMESTAMPTZ,
    finished_at       TIMESTAMPTZ,
    created_at        TIMESTAMPTZ   NOT NULL,
    updated_at        TIMESTAMPTZ   NOT NULL,
    CONSTRAINT generation_item_position UNIQUE (job_id, position)
);
CREATE INDEX generation_item_job ON generation_item (job_id, position);
-- The reaper's query: items a worker took and never finished.
CREATE INDEX generation_item_processing ON generation_item (updated_at) WHERE status = 'PROCESSING';
