#!/usr/bin/env bash
# Lists N small objects from the local file system, a local S3 server (s3proxy) and a local Azure storage
# emulator (Azurite) through lakeshift's sources into the planner; prints listing time and driver heap per object.
# Usage: bench/sources/run.sh [objects, default 100000] [stores, default local,s3,adls]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q test-compile dependency:copy@s3proxy
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -Xmx4g -XX:+UseG1GC -Dbasedir="$PWD" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  io.lakeshift.source.bench.ListingBench "$@"
