-- Counts per kind come from hq_kind_count; no query reads hq_record by kind, so the index only slowed ingest.
DROP INDEX hq_record_kind;
