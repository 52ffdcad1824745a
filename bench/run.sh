#!/usr/bin/env bash
# Benchmarks lakeshift side by side with Hadoop DistCp (oci-hdfs-connector) and a raw GET→PUT ceiling, from a local
# S3 server (s3proxy, filesystem store) into the local OCI emulator; prints a Markdown table (median of the reps).
# Usage: bench/run.sh [small|large|memory|all] [--reps N] [--files N] [--large-mib N] [--memory-mib N]
#                     [--tools lakeshift,distcp,raw] [--distcp-maps N] [--raw-threads N] [--lakeshift-args "..."] [--lakeshift-jvm "-Dspark.x=y ..."]
# Needs JDK 17, Maven and GNU time (apt-get install -y time); data and logs go to target/bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /usr/bin/time ] || { echo "bench/run.sh needs GNU time: apt-get install -y time" >&2; exit 2; }
mvn -B -q -DskipTests test-compile dependency:copy@s3proxy
mvn -B -q dependency:get -Dartifact=org.slf4j:slf4j-simple:1.7.36
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
opens=$(mvn -B -q help:evaluate -Dexpression=spark.test.opens -DforceStdout 2>/dev/null | sed "s/\x1b\[[0-9;]*m//g" || true)
exec java -Xmx10g -XX:+UseG1GC -Dbasedir="$PWD" -Dlakeshift.test.opens="$opens" \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" io.lakeshift.bench.MigrationBench "$@"
