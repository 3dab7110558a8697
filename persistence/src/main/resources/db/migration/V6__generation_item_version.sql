-- Optimistic locking of generation items: a worker's progress or result computed from a stale read (the
-- item was cancelled meanwhile) fails instead of silently writing the item back to processing.
ALTER TABLE generation_item ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
