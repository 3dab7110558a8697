-- Indexes measured missing on tables of 300k-600k rows (EXPLAIN ANALYZE, PostgreSQL 15). Plain CREATE INDEX, in the
-- migration's transaction: writes to these tables wait while they are built (seconds at those sizes). CONCURRENTLY
-- (a non-transactional migration, executeInTransaction=false) hangs with this project's Flyway 11 as configured: its
-- PostgreSQL lock is transactional (postgresql.transactional.lock, on by default), held by a transaction left open on
-- Flyway's other connection, which CREATE INDEX CONCURRENTLY waits for to end (it never does).

-- Purging a retired medium (purge_retired_media) deletes its media_resource row; each foreign key naming media was then
-- checked by reading the whole referencing table (218 ms a deletion, 2 ms with these).
CREATE INDEX ar_content_source_media ON ar_content (source_media_id);
CREATE INDEX ar_content_marker_media ON ar_content (marker_media_id) WHERE marker_media_id IS NOT NULL;
CREATE INDEX ar_content_overlay_media ON ar_content (overlay_media_id) WHERE overlay_media_id IS NOT NULL;
CREATE INDEX generation_item_source_media ON generation_item (source_media_id);
CREATE INDEX generation_item_model_media ON generation_item (model_media_id) WHERE model_media_id IS NOT NULL;
CREATE INDEX generation_item_preview_media ON generation_item (preview_media_id)
    WHERE preview_media_id IS NOT NULL;
CREATE INDEX media_deletion_resource ON media_deletion (resource_id);
CREATE INDEX media_deletion_dead_letter_resource ON media_deletion_dead_letter (resource_id);

-- Deleting a project cascades to its AR content and lets go of its generation jobs.
CREATE INDEX ar_content_of_project ON ar_content (project_id);
CREATE INDEX generation_job_project ON generation_job (project_id) WHERE project_id IS NOT NULL;

-- The webhook senders' claim takes each organization's longest-due pending deliveries, a bounded look-up each.
CREATE INDEX webhook_delivery_organization_due ON webhook_delivery (organization_id, next_attempt_at, id)
    WHERE status = 'PENDING';

-- The dashboard's throughput counts an organization's items finished since a day.
CREATE INDEX generation_item_organization_finished ON generation_item (organization_id, finished_at);

-- A compile job's partition plan lists the content its job instance claimed.
CREATE INDEX ar_content_marker_job ON ar_content (organization_id, marker_job_instance)
    WHERE marker_job_instance IS NOT NULL;

-- The unique constraint generation_item_position is an index on the same columns.
DROP INDEX generation_item_job;

-- Searching AR content by title ("contains", any case: LOWER(title) LIKE '%...%') read every row of the project; a
-- trigram index finds the matching ones. pg_trgm is a contrib extension PostgreSQL 13+ lets a database's owner create
-- (the embedded PostgreSQL ships it; a managed one must offer it: README, Deploying).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX ar_content_title_search ON ar_content USING gin (lower(title) gin_trgm_ops);
