-- external_table.sql: every run's Parquet log as one external table, read in place: nothing to load after a run.
-- An alternative to load_json.sql (or beside it); morning.sql works on either (see README.md).
-- Needs: the credential of credential.sql (this uses the database's resource principal: for an auth token, change
--   DEFINE credential below to 'LAKESHIFT_LOG'). No table of its own: it creates MIGRATION_LOG_EXT.
-- SQLcl / SQL*Plus: @external_table.sql <region> <namespace> <log bucket> <log prefix>
--   <log bucket> and <log prefix> are the runs' --log, oci://<log bucket>@<namespace>/<log prefix>. The shipped
--   packaging/dataflow/application.json writes --log oci://migration-logs@<namespace>/lakeshift/, so:
--     @external_table.sql us-ashburn-1 mynamespace migration-logs lakeshift/
--   Runs without --log write below _lakeshift/logs/ in their target bucket: give <target bucket> _lakeshift/logs/.
--   <log prefix> ends with '/' (give "" for a log at the top of its bucket) and holds no regular-expression characters.
-- Files: <log prefix>run_id=<run id>/part-NNNNN.parquet, one per Spark partition of every run; timestamps are
--   Parquet INT64 TIMESTAMP(MICROS, UTC). The regular expression (regexuri) selects exactly those: not the JSON lines,
--   summary.json or started.json beside them.
DEFINE region = '&1'
DEFINE namespace = '&2'
DEFINE bucket = '&3'
DEFINE prefix = '&4'
DEFINE credential = 'OCI$RESOURCE_PRINCIPAL'

BEGIN
  DBMS_CLOUD.CREATE_EXTERNAL_TABLE(
    table_name      => 'MIGRATION_LOG_EXT',
    credential_name => '&credential',
    file_uri_list   => 'https://objectstorage.&region..oraclecloud.com/n/&namespace./b/&bucket./o/'
                       || '&prefix.run_id=[^/]+/part-[0-9]+\.parquet$',
    format          => json_object('type' value 'parquet', 'regexuri' value 'true'),
    column_list     => 'source_name       VARCHAR2(4000),
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
                        parts             NUMBER(10),
                        attempts          NUMBER(10),
                        bytes_per_second  NUMBER(19),
                        duration_ms       NUMBER(19),
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
                        table_check       VARCHAR2(4000)');
END;
/

-- Checks every file against the column list (rows that do not fit go to a log table it names):
EXEC DBMS_CLOUD.VALIDATE_EXTERNAL_TABLE(table_name => 'MIGRATION_LOG_EXT');
