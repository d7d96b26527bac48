-- Closing a task counts the order's open tasks. Without this index that count scans every task and waits on
-- the rows other pickers are updating, which turns concurrent picks of different orders into lock waits.
CREATE INDEX pick_task_order ON pick_task (order_id, status);

-- A deadlock between two handhelds is resolved (one transaction retried) after one second instead of Derby's
-- default twenty; a lock still held after ten seconds is a fault, reported instead of waited on for a minute.
CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.deadlockTimeout', '1');
CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.waitTimeout', '10');
