#!/usr/bin/env bash
# Starts a run of the lakeshift Data Flow application; NAME=VALUE pairs override the application's parameters
# (source, target, log), which Data Flow substitutes for ${NAME} in its arguments.
#   packaging/dataflow/run.sh APPLICATION_OCID COMPARTMENT_OCID [NAME=VALUE ...]
# Prints the run's OCID. With LAKESHIFT_WAIT=1 it waits for the run to end and exits 1 unless it SUCCEEDED.
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 APPLICATION_OCID COMPARTMENT_OCID [NAME=VALUE ...]" >&2
  exit 2
fi
app="$1" compartment="$2"
shift 2

json_string() { # a JSON string literal
  local s="${1//\\/\\\\}"
  s="${s//\"/\\\"}"
  printf '"%s"' "$s"
}

parameters=""
for pair in "$@"; do
  case "$pair" in
    *=*) ;;
    *) echo "run.sh: '$pair' is not NAME=VALUE" >&2; exit 2 ;;
  esac
  pname="${pair%%=*}" value="${pair#*=}"
  if ! [[ "$pname" =~ ^[A-Za-z][A-Za-z0-9_]*$ ]]; then
    echo "run.sh: parameter name '$pname' must be letters, digits and _" >&2
    exit 2
  fi
  parameters+="${parameters:+, }{\"name\": $(json_string "$pname"), \"value\": $(json_string "$value")}"
done

args=(data-flow run create --application-id "$app" --compartment-id "$compartment"
  --display-name "lakeshift $(date -u +%Y-%m-%dT%H:%M:%SZ)")
if [ -n "$parameters" ]; then
  args+=(--parameters "[$parameters]")
fi
if [ "${LAKESHIFT_WAIT:-0}" = "1" ]; then
  args+=(--wait-for-state SUCCEEDED --wait-for-state FAILED --wait-for-state CANCELED)
  state="$(oci "${args[@]}" --query 'data."lifecycle-state"' --raw-output)"
  echo "run ended: $state" >&2
  [ "$state" = "SUCCEEDED" ]
else
  oci "${args[@]}" --query 'data.id' --raw-output
fi
