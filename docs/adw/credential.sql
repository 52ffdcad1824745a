-- credential.sql: how ADW signs in to Object Storage to read the migration log. First of four (see README.md);
-- once per database. Pick (a) or (b).
-- Needs: (a) the ADMIN user, and a user (here MIGRATION) who runs the other scripts; (b) an OCI user who may read
--   the log bucket. The log bucket is the bucket of the runs' --log: migration-logs in the shipped
--   packaging/dataflow/application.json (oci://migration-logs@<namespace>/lakeshift/); for runs without --log, the
--   target bucket (their log is below _lakeshift/logs/ there).

-- (a) The database's resource principal (no secret to rotate). As ADMIN, once:
EXEC DBMS_CLOUD_ADMIN.ENABLE_RESOURCE_PRINCIPAL();
-- then, for the user who loads the log (here MIGRATION):
EXEC DBMS_CLOUD_ADMIN.ENABLE_RESOURCE_PRINCIPAL(username => 'MIGRATION');
-- and in IAM a dynamic group holding the database (matching rule: resource.id = '<the database OCID>') and a policy
-- in the compartment of the log bucket ('read objects' lists the log files and reads them):
--   Allow dynamic-group adw-migration to read objects in compartment lake where target.bucket.name = 'migration-logs'
-- load_json.sql and external_table.sql use credential_name => 'OCI$RESOURCE_PRINCIPAL'.

-- (b) An auth token of an OCI user who may read the log bucket (Identity > Users > Auth Tokens > Generate Token),
--     with a policy such as: Allow group log-readers to read objects in compartment lake where target.bucket.name = 'migration-logs'
BEGIN
  DBMS_CLOUD.CREATE_CREDENTIAL(
    credential_name => 'LAKESHIFT_LOG',
    username        => 'migration-reader@example.com',
    password        => '<auth token>');
END;
/
-- Then change DEFINE credential in load_json.sql and external_table.sql to 'LAKESHIFT_LOG'.
