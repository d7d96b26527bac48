-- As db/sync-hq V6: recently received records are read through the primary key; the index only slowed ingest.
DROP INDEX hq_record_received;
