-- The request a paid provider (FAL.AI) accepted for an item's current attempt, as the provider answered it:
-- a message delivered again after an attempt broke resumes that request instead of paying for another.
-- Cleared when a client retries the item (a new attempt, by the client's decision).
ALTER TABLE generation_item ADD COLUMN provider_request TEXT;
