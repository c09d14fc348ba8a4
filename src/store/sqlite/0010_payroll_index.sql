-- 0010_payroll_index.sql - drops payroll_period, the index on payroll's
-- period alone: payroll_scan (period, project_code, worker_id_number, ...)
-- begins with the same column, so every query that searched by period
-- (the scan's month streams, the dashboard's and the statistics' wage
-- figures) searches payroll_scan's prefix instead, and an import keeps one
-- index fewer per payroll row (about 15 % of a payroll import's time).
DROP INDEX IF EXISTS payroll_period;
