-- The migration log table in Autonomous Data Warehouse: one row per source file per run.
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
  error             VARCHAR2(4000)
);

CREATE INDEX migration_log_run ON migration_log (run_id, status);
CREATE INDEX migration_log_source ON migration_log (source_name);
