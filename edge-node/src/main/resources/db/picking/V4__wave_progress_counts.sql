-- A handheld is shown its wave's progress after every scan, and every confirmation asked whether the wave still
-- had open tasks: both counted the wave's tasks, so each scan cost grew with the wave. The wave now keeps its
-- task count (set when it is built) and how many of its tasks are closed (done or short, counted when a task
-- closes), so both answers are one row.
ALTER TABLE wave ADD COLUMN task_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE wave ADD COLUMN closed_count INTEGER NOT NULL DEFAULT 0;
UPDATE wave SET task_count = (SELECT COUNT(*) FROM pick_task t WHERE t.wave_id = wave.wave_id),
    closed_count = (SELECT COUNT(*) FROM pick_task t WHERE t.wave_id = wave.wave_id AND t.status <> 'OPEN');
