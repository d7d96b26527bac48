-- A handheld is shown its wave's next open task after every scan. This index holds the whole ORDER BY of that
-- question (pick sequence, then location, then task id), so the answer is the first entry of one index range
-- instead of a sort of every open task of the wave. It replaces pick_task_wave, a prefix of it.
CREATE INDEX pick_task_next ON pick_task (wave_id, status, pick_sequence, location, task_id);
DROP INDEX pick_task_wave;
