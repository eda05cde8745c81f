#!/usr/bin/env bash
# Every measurement of docs/benchmarks.md in one run, each next to its ceiling: (a) raw SQLite
# insert before the ingest runs, (b) the no-op HTTP server (wrk and the load generator) before
# the HTTP runs. Output: one log per script in OUT (default /tmp/accessgate-bench-all).
# Build first: mvn -B -o -q package -DskipTests   (~15 to 25 min on 2 cores)
set -uo pipefail
cd "$(dirname "$0")/../.."
OUT=${OUT:-/tmp/accessgate-bench-all}
mkdir -p "$OUT"
for script in ceiling-sqlite ingest jmh-ingest ceiling-http small ack-handlers check jmh-query memory startup; do
  echo "== $script  $(date -u +%H:%M:%S) $(uptime | sed 's/.*load average/load average/')"
  heap=""; [ "$script" = memory ] && heap=-Xmx128m   # the heap cap scripts/run ships
  JAVA_OPTS=$heap SECONDS_EACH=${SECONDS_EACH:-10} "scripts/bench/$script.sh" >"$OUT/$script.log" 2>&1
  echo "   exit $?"
done
