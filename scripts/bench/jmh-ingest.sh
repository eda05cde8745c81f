#!/usr/bin/env bash
# In-process small-event ingest (JMH, no HTTP): group commit vs one commit per event, 64 threads
# (each a request waiting for its acknowledgement), synchronous FULL and NORMAL.
set -euo pipefail
cd "$(dirname "$0")/../.."
echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ)  nproc=$(nproc)  $(java -version 2>&1 | sed -n 2p)"
echo "\$ java -jar benchmarks/target/benchmarks.jar SmallEventIngestBenchmark -p synchronous=FULL,NORMAL -t 64 -wi 2 -w 3s -i 3 -r 3s"; uptime
java -jar benchmarks/target/benchmarks.jar SmallEventIngestBenchmark -p synchronous=FULL,NORMAL -t 64 -wi 2 -w 3s -i 3 -r 3s 2>&1 \
  | grep -E "^Benchmark|^SmallEvent|ERROR|Exception" || true
uptime
