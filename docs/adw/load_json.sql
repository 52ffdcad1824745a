-- Loads one run's JSON lines into MIGRATION_LOG (log_table.sql), e.g. after each scheduled run.
-- SQLcl / SQL*Plus: @load_json.sql <region> <namespace> <bucket> <run id>
-- The log of a run is <log>/run_id=<run id>/part-NNNNN.jsonl; with the default --log that is
-- oci://<target bucket>@<namespace>/_lakeshift/logs/run_id=<run id>/.
DEFINE region = '&1'
DEFINE namespace = '&2'
DEFINE bucket = '&3'
DEFINE run_id = '&4'

BEGIN
  DBMS_CLOUD.COPY_DATA(
    table_name      => 'MIGRATION_LOG',
    credential_name => 'OCI$RESOURCE_PRINCIPAL',
    file_uri_list   => 'https://objectstorage.&region..oraclecloud.com/n/&namespace./b/&bucket./o/'
                       || '_lakeshift/logs/run_id=&run_id./part-*.jsonl',
    format          => json_object(
      'type' value 'json',
      'columnpath' value '["$.source_name", "$.source_size", "$.target_name", "$.target_size", "$.start_date", "$.end_date", "$.run_time", "$.run_date", "$.run_id", "$.status", "$.md5", "$.source_etag", "$.source_modified", "$.target_etag", "$.parts", "$.attempts", "$.bytes_per_second", "$.duration_ms", "$.row_count", "$.columns", "$.note", "$.error"]',
      'timestampformat' value 'YYYY-MM-DD HH24:MI:SS',
      'truncatecol' value 'true'));
END;
/

-- A run loaded twice would count twice: delete it first when reloading.
-- DELETE FROM migration_log WHERE run_id = '&run_id';
