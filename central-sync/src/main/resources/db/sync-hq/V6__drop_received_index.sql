-- The overview's "recently received" list now reads the newest records of each warehouse through the primary
-- key (JdbcHqStore.recent), and its ORDER BY never could use this single-column index anyway. Every stored
-- record paid an insert into it (about a sixth of the cost of inserting the row).
DROP INDEX hq_record_received;
