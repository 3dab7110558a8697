-- An object is written to the organization's store before the transaction that records it; a process that dies in
-- between (kill -9, out of memory, a lost node) must not leave it there for ever, and no store can be listed for it.
-- So a deletion of it is owed from before the write, in a transaction of its own: a row naming no resource yet, which
-- the recording transaction removes (its commit hands the object to the resource's row). A row nobody removed falls due
-- once it is older than arv.media.orphan-grace, and is retried and parked like any other owed deletion.
ALTER TABLE media_deletion ALTER COLUMN resource_id DROP NOT NULL;
ALTER TABLE media_deletion_dead_letter ALTER COLUMN resource_id DROP NOT NULL;

-- The recording transaction removes its object's row by key.
CREATE INDEX media_deletion_staged ON media_deletion (organization_id, storage_key) WHERE resource_id IS NULL;
