-- Pallet labels are printed by label-printing's durable print jobs (label_print_job, migrated before this
-- folder). A label_job row is the edge's link from an SSCC to its print job; label_status shows each label
-- with the state of its print job. Rows written before this migration have no print job and keep their own.
ALTER TABLE label_job ADD COLUMN print_job_id VARCHAR(64);
CREATE INDEX label_job_print_job ON label_job (print_job_id);

CREATE VIEW label_status (job_id, printer_id, sscc, status, attempts, last_error, created_at, printed_at,
                          print_job_id) AS
SELECT l.job_id, l.printer_id, l.sscc,
       CASE WHEN p.job_id IS NULL THEN l.status
            WHEN p.state = 'DONE' THEN 'PRINTED'
            WHEN p.state = 'HELD' THEN 'HELD'
            ELSE 'QUEUED' END,
       CASE WHEN p.job_id IS NULL THEN l.attempts ELSE p.attempts END,
       CASE WHEN p.job_id IS NULL THEN l.last_error ELSE NULLIF(p.hold_detail, '') END,
       l.created_at,
       CASE WHEN p.job_id IS NULL THEN l.printed_at WHEN p.state = 'DONE' THEN p.updated_at ELSE NULL END,
       l.print_job_id
FROM label_job l LEFT OUTER JOIN label_print_job p ON p.job_id = l.print_job_id;
