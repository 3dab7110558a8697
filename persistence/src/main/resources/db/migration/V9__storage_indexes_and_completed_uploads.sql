-- Scans that ran without an index (issue 10):
-- the retention timer looks for jobs finished before a date (per organization and across all of them);
CREATE INDEX generation_job_finished ON generation_job (finished_at) WHERE finished_at IS NOT NULL;
-- the orphan scan looks for direct uploads whose URL expired;
CREATE INDEX media_upload_expires ON media_upload (expires_at);
-- changing or deleting a storage connection asks whether any media still lives there (NULL = platform store, never asked).
CREATE INDEX media_resource_storage_connection ON media_resource (storage_connection_id)
    WHERE storage_connection_id IS NOT NULL;

-- A completed direct upload keeps its row until its URL expires: a second /complete answers the first's
-- result, and the orphan scan removes whatever a client still PUT to the upload key after completion.
ALTER TABLE media_upload ADD COLUMN completed_media_id UUID;
