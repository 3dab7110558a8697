-- AR content: a customer's portrait compiled into a MindAR target, the overlay shown on it, and the
-- public id under which anyone with the printed code may view it.

CREATE TABLE ar_content (
    id                    UUID PRIMARY KEY,
    organization_id       UUID          NOT NULL REFERENCES organization (id),
    project_id            UUID          NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    -- Public and unguessable (128 random bits in base62): it is printed on the customer's card.
    unique_id             VARCHAR(24)   NOT NULL UNIQUE,
    title                 VARCHAR(200)  NOT NULL,
    order_number          VARCHAR(100),
    customer_name         VARCHAR(200),
    customer_email        VARCHAR(320),
    customer_phone        VARCHAR(40),
    source_media_id       UUID          NOT NULL REFERENCES media_resource (id),
    marker_status         VARCHAR(16)   NOT NULL CHECK (marker_status IN ('PENDING', 'COMPILING', 'READY', 'FAILED')),
    marker_failure        VARCHAR(1000),
    marker_media_id       UUID REFERENCES media_resource (id),
    -- The compiler's quality report (score, verdict, reasons, feature counts) as JSON text.
    marker_quality        TEXT,
    marker_score          INTEGER,
    marker_verdict        VARCHAR(16),
    marker_width          INTEGER,
    marker_height         INTEGER,
    -- Which batch job instance claimed the compilation (restarts of that instance keep the claim).
    marker_job_instance   BIGINT,
    -- How many compiled results were written: proves that a restarted job never compiles twice.
    marker_compilations   INTEGER       NOT NULL DEFAULT 0,
    marker_requested_at   TIMESTAMPTZ   NOT NULL,
    marker_compiled_at    TIMESTAMPTZ,
    overlay_media_id      UUID REFERENCES media_resource (id),
    overlay_kind          VARCHAR(8) CHECK (overlay_kind IN ('VIDEO', 'GLB')),
    active_from           TIMESTAMPTZ,
    active_until          TIMESTAMPTZ,
    expires_at            TIMESTAMPTZ,
    published             BOOLEAN       NOT NULL DEFAULT TRUE,
    views_count           BIGINT        NOT NULL DEFAULT 0,
    created_at            TIMESTAMPTZ   NOT NULL,
    updated_at            TIMESTAMPTZ   NOT NULL,
    CONSTRAINT ar_content_overlay_complete CHECK ((overlay_media_id IS NULL) = (overlay_kind IS NULL))
);
CREATE INDEX ar_content_project ON ar_content (organization_id, project_id, created_at);
-- The batch reader's query: claimed items still compiling.
CREATE INDEX ar_content_compiling ON ar_content (marker_job_instance, id) WHERE marker_status = 'COMPILING';
CREATE INDEX ar_content_pending ON ar_content (marker_requested_at) WHERE marker_status = 'PENDING';
