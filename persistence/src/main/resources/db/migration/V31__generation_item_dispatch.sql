-- Every message of an item carries its own id. claimed_by is the id of the message whose worker took the item: a
-- redelivery of that message may take it again after a broken attempt; any other message of the item (one re-sent by
-- the reaper that crossed the first, a duplicate) finds the item taken and is dropped, so no model is made twice.
-- Null: not taken yet, or taken before this column (then any message may take it, as before).
ALTER TABLE generation_item ADD COLUMN claimed_by UUID;
-- When the reaper sent an item's message again because the item stayed queued too long (its message presumably lost);
-- null while it has not. Cleared when a client retries the item.
ALTER TABLE generation_item ADD COLUMN resent_at TIMESTAMPTZ;
-- The reaper's question, like generation_item_processing for the items left processing.
CREATE INDEX generation_item_queued ON generation_item (updated_at) WHERE status = 'QUEUED';
