-- When a once-only mark's occurrence is over (app.arv.notification.Occurrences): a quota's period ends, a content's
-- expiry date. The hourly notification retention deletes marks whose occurrence lapsed longer ago than both
-- ARV_NOTIFICATION_RETENTION and ARV_EXPIRY_WARNING: nothing asks for them any more. Null: kept for ever.
ALTER TABLE occurrence_mark ADD COLUMN lapses_at TIMESTAMPTZ;

-- The marks taken so far, by their form: quota.<level>:<quota>:<YYYY-MM> (the UTC month) and
-- ar_content.<kind>:<content id>:<expiry in epoch seconds>.
UPDATE occurrence_mark
SET lapses_at = CASE
    WHEN mark ~ '^quota\.[a-z_]+:[a-z_]+:[0-9]{4}-[0-9]{2}$'
        THEN (to_date(split_part(mark, ':', 3), 'YYYY-MM') + interval '1 month')::timestamp AT TIME ZONE 'UTC'
    WHEN mark ~ '^ar_content\.[a-z_]+:[0-9a-f-]+:-?[0-9]+$'
        THEN to_timestamp(split_part(mark, ':', 3)::bigint)
    END;

-- The retention pass finds lapsed marks by when they lapsed.
CREATE INDEX occurrence_mark_lapses ON occurrence_mark (lapses_at) WHERE lapses_at IS NOT NULL;
