-- Once a store has deleted a retired resource's object, its row is purged: nothing needs the name, hash and place
-- of deleted content any more, and a row naming its storage connection would keep that connection in use for ever.
-- A row something still references (an AR content or a generation naming it, say) cannot be deleted; it then only
-- lets go of its connection. The foreign-key violation is caught inside the function (a subtransaction), so the
-- caller's transaction goes on either way and a table that references media later needs no change here.
CREATE FUNCTION purge_retired_media(resource UUID) RETURNS BOOLEAN LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM media_resource WHERE id = resource AND deleted_at IS NOT NULL;
    RETURN FOUND;
EXCEPTION WHEN foreign_key_violation THEN
    UPDATE media_resource SET storage_connection_id = NULL WHERE id = resource AND deleted_at IS NOT NULL;
    RETURN FALSE;
END
$$;

-- A parked deletion is tried again at a capped interval (arv.media.dead-letter-retry) until the store accepts it; the
-- row counts every attempt and keeps the last failure and when it happened. Letters parked before are due at once.
ALTER TABLE media_deletion_dead_letter ADD COLUMN last_attempt_at TIMESTAMPTZ;
ALTER TABLE media_deletion_dead_letter ADD COLUMN next_attempt_at TIMESTAMPTZ;
UPDATE media_deletion_dead_letter SET last_attempt_at = parked_at, next_attempt_at = parked_at;
ALTER TABLE media_deletion_dead_letter ALTER COLUMN last_attempt_at SET NOT NULL;
ALTER TABLE media_deletion_dead_letter ALTER COLUMN next_attempt_at SET NOT NULL;
CREATE INDEX media_deletion_dead_letter_due ON media_deletion_dead_letter (next_attempt_at);
