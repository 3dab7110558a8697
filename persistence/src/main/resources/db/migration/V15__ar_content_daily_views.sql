-- Viewer views per AR content and day (UTC), for "views in the last 30 days" next to the all-time
-- ar_content.views_count. One row per content and day, incremented by the same statement that counts
-- the total (an upsert: concurrent views of the same content on any node serialize on its row, none is
-- lost). A content's rows go with it.
CREATE TABLE ar_content_daily_views (
    organization_id  UUID    NOT NULL REFERENCES organization (id),
    ar_content_id    UUID    NOT NULL REFERENCES ar_content (id) ON DELETE CASCADE,
    day              DATE    NOT NULL,
    views            BIGINT  NOT NULL CHECK (views > 0),
    -- The upsert's conflict target; also serves one content's recent days.
    PRIMARY KEY (ar_content_id, day)
);
-- The dashboard's sum over an organization's recent days.
CREATE INDEX ar_content_daily_views_organization ON ar_content_daily_views (organization_id, day);
