-- The orphan scan removes an expired direct upload's key before its row. A key the store refused to delete (a bucket
-- down, or refusing deletes) kept its row first in line, oldest expiry first, so a thousand of them took every batch
-- and no other organization's expired uploads went any more. Now a refused removal is counted, its failure kept for
-- operators, and tried again after a growing wait (NULL: never refused); uploads refused fewer times come first.
ALTER TABLE media_upload ADD COLUMN removal_attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE media_upload ADD COLUMN removal_error VARCHAR(1000);
ALTER TABLE media_upload ADD COLUMN removal_retry_at TIMESTAMPTZ;
