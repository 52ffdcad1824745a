#!/usr/bin/env bash
# Uploads the Data Flow jar (and, if there is one, the dependency archive) and creates the lakeshift application, or
# updates the ACTIVE application of that name.
#   packaging/dataflow/deploy.sh COMPARTMENT_OCID ARTIFACT_BUCKET LOGS_BUCKET
# LAKESHIFT_JAR: the jar; default target/lakeshift-<version>-dataflow.jar, built (mvn -P dataflow package) if missing.
# LAKESHIFT_ARCHIVE: the dependency archive (archive.zip: hadoop-aws and the AWS SDK, which s3a:// sources need);
#   default: lakeshift-<version>-dataflow-archive.zip beside the jar if it is there; "none": no archive.
# Prints the application's OCID. Needs the OCI CLI, signed in (oci setup config, or OCI_CLI_AUTH=instance_principal).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
if [ $# -ne 3 ]; then
  echo "usage: $0 COMPARTMENT_OCID ARTIFACT_BUCKET LOGS_BUCKET" >&2
  exit 2
fi
compartment="$1" bucket="$2" logs="$3"
name="${LAKESHIFT_APP_NAME:-lakeshift}"
command -v oci >/dev/null || { echo "deploy.sh: the OCI CLI (oci) is not on PATH" >&2; exit 2; }

jar="${LAKESHIFT_JAR:-}"
if [ -z "$jar" ]; then
  jar="$(ls "$root"/target/lakeshift-*-dataflow.jar 2>/dev/null | head -1 || true)"
  if [ -z "$jar" ]; then
    (cd "$root" && mvn -B -q -P dataflow package)
    jar="$(ls "$root"/target/lakeshift-*-dataflow.jar | head -1)"
  fi
fi
[ -f "$jar" ] || { echo "deploy.sh: LAKESHIFT_JAR $jar is not a file" >&2; exit 2; }
archive="${LAKESHIFT_ARCHIVE:-${jar%.jar}-archive.zip}"
if [ "$archive" = "none" ]; then
  archive=""
elif [ ! -f "$archive" ]; then
  if [ -n "${LAKESHIFT_ARCHIVE:-}" ]; then
    echo "deploy.sh: LAKESHIFT_ARCHIVE $archive is not a file (mvn -P dataflow package builds it)" >&2
    exit 2
  fi
  archive=""
fi
namespace="${OCI_NAMESPACE:-$(oci os ns get --query data --raw-output)}"

object="lakeshift/$(basename "$jar")"
oci os object put --namespace "$namespace" --bucket-name "$bucket" --name "$object" --file "$jar" --force >&2
uris=(--file-uri "oci://$bucket@$namespace/$object" --logs-bucket-uri "oci://$logs@$namespace/")
if [ -n "$archive" ]; then
  archive_object="lakeshift/$(basename "$archive")"
  oci os object put --namespace "$namespace" --bucket-name "$bucket" --name "$archive_object" --file "$archive" \
    --force >&2
  uris+=(--archive-uri "oci://$bucket@$namespace/$archive_object")
fi

# The list has no state filter; deleted applications stay in it for a while, so keep the ACTIVE one.
app="$(oci data-flow application list --compartment-id "$compartment" --display-name "$name" --all \
  --query "data[?\"lifecycle-state\"=='ACTIVE'].id | [0]" --raw-output)"
if [ -z "$app" ] || [ "$app" = "null" ]; then
  app="$(oci data-flow application create --from-json "file://$here/application.json" \
    --compartment-id "$compartment" --display-name "$name" "${uris[@]}" \
    --query 'data.id' --raw-output)"
  echo "created application $name: $app" >&2
else
  oci data-flow application update --application-id "$app" --from-json "file://$here/application.json" \
    --display-name "$name" "${uris[@]}" --force >&2
  echo "updated application $name: $app" >&2
fi
echo "$app"
