-- When a medium was taken out of the library while other owners still use it (it stays live for them). Removing it
-- again is then answered as for any medium the library no longer has (404), not as for one that was never in it (409).
ALTER TABLE media_resource ADD COLUMN left_library_at TIMESTAMPTZ;
