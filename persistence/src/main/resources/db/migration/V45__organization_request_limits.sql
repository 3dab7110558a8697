-- Per-organization overrides of the organization-wide request limits: all credentials of the organization (its API
-- keys and people) together, beside the per-credential ones. NULL means "the installation's default"
-- (ARV_RATE_LIMIT_ORGANIZATION_PER_MINUTE / _PER_HOUR).
-- IF NOT EXISTS: for a few minutes of this project's history the same columns were migration V40, and a development
-- database migrated then has them already.
ALTER TABLE organization_quota
    ADD COLUMN IF NOT EXISTS organization_requests_per_minute INTEGER CHECK (organization_requests_per_minute > 0),
    ADD COLUMN IF NOT EXISTS organization_requests_per_hour   INTEGER CHECK (organization_requests_per_hour > 0);
