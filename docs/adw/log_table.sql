-- log_table.sql: the migration log table in Autonomous Data Warehouse, one row per source file per run, and the view
-- the original PySpark app's queries read. Second of four (see README.md); once per database.
-- Needs: a user (here MIGRATION) who may create tables and views in its schema; nothing in Object Storage.
-- Columns, their order and types follow io.lakeshift.log.LogSchema (the JSON lines and the Parquet files);
-- AdwSqlTest fails the build when they drift apart. Text: VARCHAR2(4000), counts: NUMBER, dates: TIMESTAMP (UTC).
CREATE TABLE migration_log (
  source_name       VARCHAR2(4000),
  source_size       NUMBER(19),
  target_name       VARCHAR2(4000),
  target_size       NUMBER(19),
  start_date        TIMESTAMP(6),
  end_date          TIMESTAMP(6),
  run_time          VARCHAR2(4000),
  run_date          TIMESTAMP(6),
  run_id            VARCHAR2(4000),
  status            VARCHAR2(4000),
  md5               VARCHAR2(4000),
  source_etag       VARCHAR2(4000),
  source_modified   TIMESTAMP(6),
  target_etag       VARCHAR2(4000),
  parts             NUMBER(10)     NOT NULL,
  attempts          NUMBER(10)     NOT NULL,
  bytes_per_second  NUMBER(19)     NOT NULL,
  duration_ms       NUMBER(19)     NOT NULL,
  row_count         NUMBER(19),
  columns           NUMBER(10),
  note              VARCHAR2(4000),
  error             VARCHAR2(4000),
  table_format      VARCHAR2(4000),
  table_version     NUMBER(19),
  source_rows       NUMBER(19),
  target_rows       NUMBER(19),
  source_files      NUMBER(19),
  target_files      NUMBER(19),
  schema_equal      VARCHAR2(4000),
  table_check       VARCHAR2(4000)
);

CREATE INDEX migration_log_run ON migration_log (run_id, status);
CREATE INDEX migration_log_source ON migration_log (source_name);

-- The PySpark app lakeshift replaces wrote its log with two columns misspelled, targe_name and targe_size, and its log
-- file was log_dataflow_app_migration.json (so loaded into ADW as LOG_DATAFLOW_APP_MIGRATION). This view carries
-- those names beside the correct ones, so queries written for that log run unchanged on lakeshift's.
CREATE OR REPLACE VIEW log_dataflow_app_migration AS
SELECT source_name,
       source_size,
       target_name,
       target_name AS targe_name,
       target_size,
       target_size AS targe_size,
       start_date,
       end_date,
       run_time,
       run_date,
       run_id,
       status,
       md5,
       source_etag,
       source_modified,
       target_etag,
       parts,
       attempts,
       bytes_per_second,
       duration_ms,
       row_count,
       columns,
       note,
       error,
       table_format,
       table_version,
       source_rows,
       target_rows,
       source_files,
       target_files,
       schema_equal,
       table_check
FROM   migration_log;
