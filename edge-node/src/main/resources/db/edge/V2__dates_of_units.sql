-- Expiry (AI 17) and best-before (AI 15) are different dates: keep both, on the lot and on each unit
-- (a unit without a lot still has its dates).
ALTER TABLE lot ADD COLUMN best_before DATE;
ALTER TABLE handling_unit ADD COLUMN expiry DATE;
ALTER TABLE handling_unit ADD COLUMN best_before DATE;
