-- Per-organization overrides of the request limits and quotas set by the platform admin. A NULL column
-- means "the installation's default" (ARV_RATE_LIMIT_*, ARV_QUOTA_*); no row means every default.
CREATE TABLE organization_quota (
    organization_id        UUID        PRIMARY KEY REFERENCES organization (id),
    requests_per_minute    INTEGER     CHECK (requests_per_minute > 0),
    requests_per_hour      INTEGER     CHECK (requests_per_hour > 0),
    uploads_per_minute     INTEGER     CHECK (uploads_per_minute > 0),
    stored_bytes           BIGINT      CHECK (stored_bytes >= 0),
    generations_per_month  INTEGER     CHECK (generations_per_month >= 0),
    fal_allowed            BOOLEAN,
    fal_items_per_month    INTEGER     CHECK (fal_items_per_month >= 0),
    updated_at             TIMESTAMPTZ NOT NULL
);

-- What an organization used per calendar month (UTC) of the monthly quotas. A counter rather than a count of
-- generation_job rows: jobs are deleted by retention and cleanup, and the month's use must not go down with them.
-- Incremented in the transaction that creates the job, by a conditional UPDATE, so two concurrent jobs can't
-- both pass the last free units; a rolled-back job takes its increment with it.
CREATE TABLE organization_usage (
    organization_id   UUID    NOT NULL REFERENCES organization (id),
    month             DATE    NOT NULL CHECK (EXTRACT(DAY FROM month) = 1),
    generation_items  INTEGER NOT NULL DEFAULT 0 CHECK (generation_items >= 0),
    fal_items         INTEGER NOT NULL DEFAULT 0 CHECK (fal_items >= 0),
    PRIMARY KEY (organization_id, month)
);
