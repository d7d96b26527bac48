-- The idempotency key is checked on every store to equal <warehouseId>:<seq> (a warehouse id has no ':'), so
-- the primary key (warehouse_id, seq) already makes it unique. The extra unique index cost one random B-tree
-- insert per record and was the most expensive part of ingest after the row itself.
ALTER TABLE hq_record DROP CONSTRAINT hq_record_key;
