-- How ADW signs in to Object Storage to read the log. Pick one.

-- (a) The database's resource principal (no secret to rotate). As ADMIN, once:
EXEC DBMS_CLOUD_ADMIN.ENABLE_RESOURCE_PRINCIPAL();
-- then, for the user who loads the log (here MIGRATION):
EXEC DBMS_CLOUD_ADMIN.ENABLE_RESOURCE_PRINCIPAL(username => 'MIGRATION');
-- and in IAM, a dynamic group holding the database and a policy such as:
--   Allow dynamic-group adw-migration to read objects in compartment lake where target.bucket.name = 'lake'
-- Use credential_name => 'OCI$RESOURCE_PRINCIPAL' in load_json.sql and external_table.sql.

-- (b) An auth token of an OCI user who may read the log bucket
--     (Identity > Users > Auth Tokens > Generate Token):
BEGIN
  DBMS_CLOUD.CREATE_CREDENTIAL(
    credential_name => 'LAKESHIFT_LOG',
    username        => 'migration-reader@example.com',
    password        => '<auth token>');
END;
/
-- Use credential_name => 'LAKESHIFT_LOG' in load_json.sql and external_table.sql.
