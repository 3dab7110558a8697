-- Which server node took an item last (several nodes share the queues): operators can see how work
-- spread, and an item a dead node held shows it was taken over.
ALTER TABLE generation_item ADD COLUMN node VARCHAR(64);
