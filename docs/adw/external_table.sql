-- Every run's Parquet log as one external table, read in place (nothing to load after a run).
-- SQLcl / SQL*Plus: @external_table.sql <region> <namespace> <bucket>
-- Files: <log>/run_id=<id>/part-NNNNN.parquet; timestamps are Parquet TIMESTAMP_MICROS (UTC).
DEFINE region = '&1'
DEFINE namespace = '&2'
DEFINE bucket = '&3'

BEGIN
  DBMS_CLOUD.CREATE_EXTERNAL_TABLE(
    table_name      => 'MIGRATION_LOG_EXT',
    credential_name => 'OCI$RESOURCE_PRINCIPAL',
    file_uri_list   => 'https://objectstorage.&region..oraclecloud.com/n/&namespace./b/&bucket./o/'
                       || '_lakeshift/logs/run_id=.*/part-[0-9]+\.parquet',
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
                        error             VARCHAR2(4000)');
END;
/

-- Checks every file against the column list (rows that do not fit go to a log table it names):
EXEC DBMS_CLOUD.VALIDATE_EXTERNAL_TABLE('MIGRATION_LOG_EXT');
