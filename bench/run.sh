#!/usr/bin/env bash
# Benchmarks lakeshift side by side with other tools, all reading the same local S3 server (s3proxy, filesystem
# store), and prints Markdown tables (median of the reps) to the console and target/bench/results.md:
#   run 1, S3 → OCI: lakeshift (native OCI API) vs rclone (S3 backend → the emulator's S3 Compatibility API) vs
#          Hadoop DistCp (oci-hdfs-connector) vs a raw GET→PUT ceiling (OCI Java SDK PUTs), into the local OCI
#          emulator;
#   run 2, S3 → S3:  lakeshift (Hadoop file-system target) vs rclone vs DistCp S3A → S3A vs a raw GET→PUT
#          ceiling, into a fresh second bucket of the same s3proxy;
#   plan:  planning at scale, 1M objects from an inventory and a tree on disk (bench/plan.sh, PlanScaleBench);
#   plan-driver: the driver's listing-and-plan cost (time and driver memory per object) for 200,000 objects.
# Each set runs at every RTT of --rtt (ms, default 0,20), added in front of source and target; every row has wall
# time, MB/s, files/s, CPU s/GB, peak RSS and ratios to lakeshift; start-up (launch → first data PUT at the
# target) and the CPU goal (2 × raw + one MD5 pass) get tables of their own at the end.
#
# Usage: bench/run.sh [small|parquet|large|steady|memory|all][,...] [--runs 1,2] [--rtt 0,20] [--reps N]
#                     [--files N] [--parquet-rows N] [--parquet-files N] [--large-mib N] [--steady-files N]
#                     [--steady-mib N] [--memory-mib N] [--tools lakeshift,rclone,distcp,raw] [--distcp-maps N]
#                     [--raw-threads N] [--raw-oci sdk|http]
#                     [--rclone-transfers N] [--rclone-checkers N] [--rclone-args "..."]
#                     [--lakeshift-args "..."] [--lakeshift-jvm "-Dspark.x=y ..."] [--lakeshift-cds on|off]
#                     [--timeout-min N]
#        bench/run.sh plan [options of bench/plan.sh]
#        bench/run.sh plan-driver [--objects N] [--base-objects N] [--s3-objects N,N] [--cases local-empty,local-full,s3-empty]
#                     [--reps N] [--xmx SIZE] [--seed-master local[N]] [--timeout-min N]
# Sets: small = 20,000 × 32 KiB in nested folders; parquet = 1M rows (datetime + 22 doubles) in 40 Parquet files;
# large = 2 × 1 GiB; steady = 200 × 50 MiB; memory = one 4 GiB file with lakeshift at -Xmx512m (run 1, RTT 0
# only). all = small,parquet,large,steady in runs 1 and 2, plus memory. Default --runs 1,2 for any set;
# "plan" and "plan-driver" are separate.
# Needs JDK 17 and Maven; installs GNU time and rclone from Debian if missing (as root); fetches s3proxy, the
# DistCp/connector classpath and slf4j-simple with Maven. Data, logs and results go to target/bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = plan ]; then
  shift
  exec bench/plan.sh "$@" # planning at scale (issue 14): a profile of its own
fi
missing=()
[ -x /usr/bin/time ] || missing+=(time)
command -v rclone >/dev/null || missing+=(rclone)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  else
    echo "bench/run.sh needs: apt-get install -y ${missing[*]}" >&2
    exit 2
  fi
fi
mvn -B -q -DskipTests test-compile dependency:copy@s3proxy
mvn -B -q dependency:get -Dartifact=org.slf4j:slf4j-simple:1.7.36
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
opens=$(mvn -B -q help:evaluate -Dexpression=spark.test.opens -DforceStdout 2>/dev/null | sed "s/\x1b\[[0-9;]*m//g" || true)
main=io.lakeshift.bench.MigrationBench
if [ "${1:-}" = plan-driver ]; then
  main=io.lakeshift.bench.PlanBench
  shift
fi
exec java -Xmx10g -XX:+UseG1GC -Dbasedir="$PWD" -Dlakeshift.test.opens="$opens" \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" "$main" "$@"
