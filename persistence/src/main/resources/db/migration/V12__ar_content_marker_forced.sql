-- The caller accepted the risk of a marker rated 'unusable' (force=true): the compile job builds it anyway.
ALTER TABLE ar_content ADD COLUMN marker_forced BOOLEAN NOT NULL DEFAULT FALSE;
