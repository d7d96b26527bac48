-- The oldest pending record is now found with one probe per priority on sync_outbox_pending (priorities are
-- 0-9 by a check constraint), so this second index on the state column is no longer needed. Every
-- acknowledgement moved each record in both indexes; now only in one.
DROP INDEX sync_outbox_pending_seq;
