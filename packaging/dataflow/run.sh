#!/usr/bin/env bash
# Starts a run of the lakeshift Data Flow application; NAME=VALUE pairs override the application's parameters
# (source, target, log, mode, azure_*, s3_*), which Data Flow substitutes for ${NAME} in its arguments.
#   packaging/dataflow/run.sh APPLICATION_OCID COMPARTMENT_OCID [NAME=VALUE ...]
# Prints the run's OCID. Starts nothing (and says so) while a run of the application is ACCEPTED or IN_PROGRESS,
# unless LAKESHIFT_ALLOW_CONCURRENT=1.
# LAKESHIFT_WAIT=1: waits until the run is SUCCEEDED, FAILED, CANCELED or STOPPED, at most LAKESHIFT_MAX_WAIT_SECONDS
# (default 93600: the application's maxDurationInMinutes, 1440, plus 2 hours in the queue), and exits 0 only if it
# SUCCEEDED: 1 if it ended otherwise, 3 if it was still going when the wait ran out, 4 if it was not started.
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 APPLICATION_OCID COMPARTMENT_OCID [NAME=VALUE ...]" >&2
  exit 2
fi
app="$1" compartment="$2"
shift 2
wait="${LAKESHIFT_WAIT:-0}"
max_wait="${LAKESHIFT_MAX_WAIT_SECONDS:-93600}"
if ! [[ "$max_wait" =~ ^[1-9][0-9]*$ ]]; then
  echo "run.sh: LAKESHIFT_MAX_WAIT_SECONDS '$max_wait' is not a number of seconds" >&2
  exit 2
fi

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
command -v oci >/dev/null || { echo "run.sh: the OCI CLI (oci) is not on PATH ($PATH)" >&2; exit 2; }

if [ "${LAKESHIFT_ALLOW_CONCURRENT:-0}" != "1" ]; then
  for state in ACCEPTED IN_PROGRESS; do
    # ListRuns takes one filter besides the compartment (its API reference): the state here, the application below.
    running="$(oci data-flow run list --compartment-id "$compartment" --lifecycle-state "$state" --all \
      --query "data[?\"application-id\"=='$app'].id | [0]" --raw-output)"
    if [ -n "$running" ] && [ "$running" != "null" ]; then
      echo "run.sh: not starting a run: run $running of application $app is still $state" \
        "(LAKESHIFT_ALLOW_CONCURRENT=1 starts one anyway)" >&2
      [ "$wait" = "1" ] && exit 4
      exit 0
    fi
  done
fi

display="lakeshift $(date -u +%Y-%m-%dT%H:%M:%SZ)"
args=(data-flow run create --application-id "$app" --compartment-id "$compartment" --display-name "$display")
if [ -n "$parameters" ]; then
  args+=(--parameters "[$parameters]")
fi
if [ "$wait" = "1" ]; then
  args+=(--wait-for-state SUCCEEDED --wait-for-state FAILED --wait-for-state CANCELED --wait-for-state STOPPED
    --max-wait-seconds "$max_wait")
  status=0
  state="$(oci "${args[@]}" --query 'data."lifecycle-state"' --raw-output)" || status=$?
  if [ "$status" -eq 2 ] && [ -n "$state" ]; then # the CLI's exit when the wait runs out, with the last state
    echo "run.sh: run '$display' is still $state after $max_wait s (LAKESHIFT_MAX_WAIT_SECONDS); it goes on:" \
      "oci data-flow run list --compartment-id $compartment --application-id $app" >&2
    exit 3
  elif [ "$status" -ne 0 ]; then
    echo "run.sh: oci data-flow run create failed (exit $status)" >&2
    exit "$status"
  fi
  echo "run ended: $state" >&2
  [ "$state" = "SUCCEEDED" ] || exit 1
else
  oci "${args[@]}" --query 'data.id' --raw-output
fi
