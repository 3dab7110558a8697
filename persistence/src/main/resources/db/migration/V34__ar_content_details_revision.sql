-- Counts the changes people make to an AR content's details (title, order and customer, schedule, publication, overlay,
-- portrait); the compile job's writes (status, result, quality) leave it alone. A change sent with If-Match is refused
-- only when this moved since the client read it: the ETag still changes with every write, but a marker compiling
-- meanwhile no longer makes an operator's save of the details a 412 with nothing to reconcile.
ALTER TABLE ar_content ADD COLUMN details_revision BIGINT NOT NULL DEFAULT 0;
