-- The webhook senders' claim took each organization's longest-due pending deliveries through
-- webhook_delivery_organization_due and skipped those of disabled webhooks one by one: a disabled webhook keeps its
-- pending deliveries (only manual ones are still sent), and a backlog of hundreds of thousands was read again at every
-- claim on every node. The claim now looks up each switched-on webhook's longest-due ones, and the manual ones apart
-- (few: a person asks for each), so what a disabled webhook holds is never read.
CREATE INDEX webhook_delivery_webhook_due ON webhook_delivery (webhook_id, next_attempt_at, id)
    WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_manual_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING' AND manual;
-- Read by nothing now; every claim moved its rows' next_attempt_at, and kept this index up for no one.
DROP INDEX webhook_delivery_organization_due;
