#!/usr/bin/env bash
# Planning at scale (issue 14; bench/run.sh plan): lakeshift plan (a dry run) of 1M objects from a generated S3
# Inventory and from a generated tree of zero-byte files on local disk, at local[1] and local[2], -Xmx1g: wall and
# CPU time, peak RSS, the driver's live heap at the plan (a jcmd class histogram), the load average beside each.
# Data is generated once and kept (target/bench/inventory, target/bench/plan/tree-N). Results:
# target/bench/plan/scale-results.md. io.lakeshift.bench.PlanScaleBench says what each option does.
# Usage: bench/run.sh plan [--cases inventory,tree,cutover,incremental] [--objects 1000000]
#                          [--tree-objects 1000000,2000000] [--incremental-objects 1000000]
#                          [--masters local[1],local[2]] [--inventory-planning distributed,local]
#                          [--tree-planning distributed,local] [--cutover-objects 10000,50000,200000,1000000]
#                          [--xmx 1g] [--storage-fraction 0.05] [--timeout-min 30]
#   10M: bench/run.sh plan --objects 10000000 --tree-objects 2000000 (generating 10M rows takes ~10 min alone).
#   Incremental, all equal: --cases incremental --incremental-objects 1000000,10000000; the emulator then holds
#   every object in this JVM's heap (~0.6 KB each): PLAN_BENCH_XMX=12g for 10M.
# Maven offline first (every dependency in ~/.m2), online only if that fails. Needs GNU time (/usr/bin/time).
# Do not rebuild target/classes while it runs: each plan is a child JVM that loads lakeshift from there.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /usr/bin/time ] || { echo "bench/run.sh plan needs GNU time: apt-get install -y time" >&2; exit 2; }
mvn_() { mvn -B -q -o "$@" || mvn -B -q "$@"; }
mvn_ -DskipTests test-compile
mvn_ dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
# The JVM options Spark needs on Java 17; offline first, and never Maven's error text in their place.
opens_() { mvn -B -q "$@" help:evaluate -Dexpression=spark.test.opens -DforceStdout 2>/dev/null | sed "s/\x1b\[[0-9;]*m//g"; }
opens=$(opens_ -o || true)
case "$opens" in --add-opens*) ;; *) opens=$(opens_ || true) ;; esac
case "$opens" in --add-opens*) ;; *) echo "bench/plan.sh: cannot read spark.test.opens from pom.xml" >&2; exit 2 ;; esac
exec java -Xmx"${PLAN_BENCH_XMX:-2g}" -XX:+UseG1GC -Dbasedir="$PWD" -Dlakeshift.test.opens="$opens" \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" io.lakeshift.bench.PlanScaleBench "$@"
