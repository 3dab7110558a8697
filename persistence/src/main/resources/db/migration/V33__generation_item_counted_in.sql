-- The month whose generation quotas (generations_per_month, and fal_items_per_month for a fal job) the item's current
-- attempt was counted in (the first day of it, as organization_usage.month): when the item is cancelled before any
-- worker took it, that month's count is given back, since nothing was made and nothing was asked of a paid provider.
-- Null for items accepted before this column: they keep their count.
ALTER TABLE generation_item ADD COLUMN counted_in DATE CHECK (EXTRACT(DAY FROM counted_in) = 1);
