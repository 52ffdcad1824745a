-- morning.sql: what a migration lead asks every morning. Last of four (see README.md).
-- Needs: MIGRATION_LOG filled by load_json.sql (or, with the table name changed, MIGRATION_LOG_EXT of
--   external_table.sql: the columns are the same); no parameters.
-- Statuses: new and updated were copied; moved was copied (or found equal) and its source deleted; equal was
-- already there; failed was not copied; archived was not attempted (in an archive tier, to restore first; counted
-- as not copied yet); deleted, excluded and planned (dry run) copy nothing; table is not a file but one copied
-- table, verified as a table (query 6).

-- 1. Files that failed in the last run, with the reason.
SELECT source_name, source_size, error, end_date
FROM   migration_log
WHERE  status = 'failed'
AND    run_id = (SELECT MAX(run_id) KEEP (DENSE_RANK LAST ORDER BY run_date) FROM migration_log)
ORDER  BY source_name;

-- 2. Runs over time: files, bytes, failures, wall time and throughput per run.
SELECT run_id,
       MIN(run_date)                                              AS run_date,
       COUNT(*)                                                   AS files,
       SUM(CASE WHEN status = 'failed' THEN 1 ELSE 0 END)         AS failed,
       ROUND(SUM(CASE WHEN status IN ('new', 'updated') OR (status = 'moved' AND parts > 0) THEN target_size ELSE 0 END) / POWER(1024, 3), 2)        AS gib_copied,
       ROUND((CAST(MAX(end_date) AS DATE) - CAST(MIN(start_date) AS DATE)) * 86400) AS seconds,
       ROUND(SUM(CASE WHEN status IN ('new', 'updated') OR (status = 'moved' AND parts > 0) THEN target_size ELSE 0 END) / POWER(1024, 2)
             / NULLIF((CAST(MAX(end_date) AS DATE) - CAST(MIN(start_date) AS DATE)) * 86400, 0), 1) AS mib_per_second
FROM   migration_log
GROUP  BY run_id
ORDER  BY MIN(run_date);

-- 3. Throughput per day.
SELECT TRUNC(end_date)                                            AS day,
       COUNT(*)                                                   AS files,
       ROUND(SUM(CASE WHEN status IN ('new', 'updated') OR (status = 'moved' AND parts > 0) THEN target_size ELSE 0 END) / POWER(1024, 3), 2)        AS gib_copied,
       ROUND(AVG(bytes_per_second) / POWER(1024, 2), 1)           AS avg_file_mib_per_second
FROM   migration_log
WHERE  status IN ('new', 'updated') OR (status = 'moved' AND parts > 0)
GROUP  BY TRUNC(end_date)
ORDER  BY day;

-- 4. Reconciliation: every source file ever listed against what was copied, by its latest run.
--    Not copied yet (only failures), copied with another size, or copied and fine.
WITH latest AS (
  SELECT l.*, ROW_NUMBER() OVER (PARTITION BY source_name ORDER BY run_date DESC, end_date DESC) AS n
  FROM   migration_log l
  WHERE  status NOT IN ('excluded', 'planned', 'deleted', 'table')
), copied AS (
  SELECT source_name, MAX(target_size) KEEP (DENSE_RANK LAST ORDER BY end_date) AS copied_size
  FROM   migration_log
  WHERE  status IN ('new', 'updated', 'equal', 'moved')
  GROUP  BY source_name
)
SELECT CASE
         WHEN c.source_name IS NULL           THEN 'never copied'
         WHEN c.copied_size <> l.source_size  THEN 'size differs'
         ELSE                                      'copied'
       END                                                        AS state,
       COUNT(*)                                                   AS files,
       ROUND(SUM(l.source_size) / POWER(1024, 3), 2)              AS source_gib
FROM   latest l LEFT JOIN copied c ON c.source_name = l.source_name
WHERE  l.n = 1
GROUP  BY CASE
         WHEN c.source_name IS NULL           THEN 'never copied'
         WHEN c.copied_size <> l.source_size  THEN 'size differs'
         ELSE                                      'copied'
       END
ORDER  BY state;

-- 5. The files behind 'never copied', for the next run or a ticket.
SELECT l.source_name, l.source_size, l.error, l.run_id
FROM   migration_log l
WHERE  l.status = 'failed'
AND    NOT EXISTS (SELECT 1 FROM migration_log c WHERE c.source_name = l.source_name
                   AND c.status IN ('new', 'updated', 'equal', 'moved'))
AND    l.run_date = (SELECT MAX(run_date) FROM migration_log x WHERE x.source_name = l.source_name)
ORDER  BY l.source_name;

-- 6. Tables: each copied Delta (or Iceberg) table as its latest run verified it at the target (docs/tables.md):
--    equal, mismatch (note says what differs) or not verified (note says why).
SELECT source_name AS table_path, table_format, table_version, table_check, source_rows, target_rows,
       source_files, target_files, schema_equal, note, run_id
FROM   migration_log t
WHERE  status = 'table'
AND    run_date = (SELECT MAX(run_date) FROM migration_log x WHERE x.status = 'table' AND x.source_name = t.source_name)
ORDER  BY source_name;
