-- load_json.sql: loads one run's JSON lines into MIGRATION_LOG. Run it after each run (third of four, see README.md).
-- Needs: log_table.sql run once (the table MIGRATION_LOG); the credential of credential.sql (this uses the database's
--   resource principal: for an auth token, change DEFINE credential below to 'LAKESHIFT_LOG'); the run's id
--   (printed by lakeshift, and the name of its folder run_id=<run id>/).
-- SQLcl / SQL*Plus: @load_json.sql <region> <namespace> <log bucket> <log prefix> <run id>
--   <log bucket> and <log prefix> are the run's --log, oci://<log bucket>@<namespace>/<log prefix>. The shipped
--   packaging/dataflow/application.json writes --log oci://migration-logs@<namespace>/lakeshift/, so:
--     @load_json.sql us-ashburn-1 mynamespace migration-logs lakeshift/ 20240101000000000000
--   A run without --log writes below _lakeshift/logs/ in its target bucket: give <target bucket> _lakeshift/logs/.
--   <log prefix> ends with '/' (give "" for a log at the top of its bucket).
-- Files: <log prefix>run_id=<run id>/part-NNNNN.jsonl, one per Spark partition; the run's summary.json and
--   started.json beside them are not log lines and are not loaded.
DEFINE region = '&1'
DEFINE namespace = '&2'
DEFINE bucket = '&3'
DEFINE prefix = '&4'
DEFINE run_id = '&5'
DEFINE credential = 'OCI$RESOURCE_PRINCIPAL'

-- The log's dates are 'YYYY-MM-DD HH24:MI:SS', UTC: timestampformat below tells COPY_DATA; the session's own format
-- is set alike, so that any conversion the load leaves to the session reads them the same way.
ALTER SESSION SET NLS_TIMESTAMP_FORMAT = 'YYYY-MM-DD HH24:MI:SS';

-- Loading a run again replaces its rows instead of counting them twice; the delete is committed before the load, so
-- the load never waits on its row locks.
DELETE FROM migration_log WHERE run_id = '&run_id';
COMMIT;

BEGIN
  DBMS_CLOUD.COPY_DATA(
    table_name      => 'MIGRATION_LOG',
    credential_name => '&credential',
    file_uri_list   => 'https://objectstorage.&region..oraclecloud.com/n/&namespace./b/&bucket./o/'
                       || '&prefix.run_id=&run_id./part-*.jsonl',
    format          => json_object(
      'type' value 'json',
      'columnpath' value '["$.source_name", "$.source_size", "$.target_name", "$.target_size", "$.start_date", "$.end_date", "$.run_time", "$.run_date", "$.run_id", "$.status", "$.md5", "$.source_etag", "$.source_modified", "$.target_etag", "$.parts", "$.attempts", "$.bytes_per_second", "$.duration_ms", "$.row_count", "$.columns", "$.note", "$.error", "$.table_format", "$.table_version", "$.source_rows", "$.target_rows", "$.source_files", "$.target_files", "$.schema_equal", "$.table_check"]',
      'timestampformat' value 'YYYY-MM-DD HH24:MI:SS',
      'truncatecol' value 'true'));
END;
/

SELECT status, COUNT(*) AS files FROM migration_log WHERE run_id = '&run_id' GROUP BY status ORDER BY status;
