#!/usr/bin/env bash
# Uploads the Data Flow jar and creates the lakeshift application, or updates it if one of that name exists.
#   packaging/dataflow/deploy.sh COMPARTMENT_OCID ARTIFACT_BUCKET LOGS_BUCKET
# Builds target/lakeshift-<version>-dataflow.jar first if it is missing (or give one with LAKESHIFT_JAR).
# Prints the application's OCID. Needs the OCI CLI, signed in (oci setup config, or --auth in OCI_CLI_AUTH).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
if [ $# -ne 3 ]; then
  echo "usage: $0 COMPARTMENT_OCID ARTIFACT_BUCKET LOGS_BUCKET" >&2
  exit 2
fi
compartment="$1" bucket="$2" logs="$3"
name="${LAKESHIFT_APP_NAME:-lakeshift}"

jar="${LAKESHIFT_JAR:-}"
if [ -z "$jar" ]; then
  jar="$(ls "$root"/target/lakeshift-*-dataflow.jar 2>/dev/null | head -1 || true)"
  if [ -z "$jar" ]; then
    (cd "$root" && mvn -B -q -P dataflow package)
    jar="$(ls "$root"/target/lakeshift-*-dataflow.jar | head -1)"
  fi
fi
namespace="${OCI_NAMESPACE:-$(oci os ns get --query data --raw-output)}"
object="lakeshift/$(basename "$jar")"

oci os object put --namespace "$namespace" --bucket-name "$bucket" --name "$object" --file "$jar" --force >&2
file_uri="oci://$bucket@$namespace/$object"
logs_uri="oci://$logs@$namespace/"

app="$(oci data-flow application list --compartment-id "$compartment" --display-name "$name" \
  --lifecycle-state ACTIVE --query 'data[0].id' --raw-output)"
if [ -z "$app" ] || [ "$app" = "null" ]; then
  app="$(oci data-flow application create --from-json "file://$here/application.json" \
    --compartment-id "$compartment" --display-name "$name" --file-uri "$file_uri" --logs-bucket-uri "$logs_uri" \
    --query 'data.id' --raw-output)"
  echo "created application $name: $app" >&2
else
  oci data-flow application update --application-id "$app" --from-json "file://$here/application.json" \
    --display-name "$name" --file-uri "$file_uri" --logs-bucket-uri "$logs_uri" --force >&2
  echo "updated application $name: $app" >&2
fi
echo "$app"
