-- The compile job recovery starts from the items still compiling rather than from the newest job instances (a dead
-- node's job used to be forgotten once 50 newer instances existed). The batch runtime finds a job instance only through
-- one of its executions, so the claim records the execution that made it.
ALTER TABLE ar_content ADD COLUMN marker_job_execution BIGINT;
-- When the compile request of a long-pending item was sent again: once per item, not every round on every node.
ALTER TABLE ar_content ADD COLUMN marker_resent_at TIMESTAMPTZ;
