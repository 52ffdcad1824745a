#!/usr/bin/env bash
# Measures the OCI emulator's raw PUT/GET throughput (plain signed HTTP), in memory and on disk.
# Usage: bench/emulator/run.sh [object size MiB, default 64] [objects per stream, default 4]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q test-compile
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -Xmx4g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  io.lakeshift.emulator.bench.EmulatorBench "$@"
