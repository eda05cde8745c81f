#!/usr/bin/env bash
# In-process check path (JMH): SqlitePolicyStore.objectBlock / blockedAmong and the domain's
# WorkspacePolicy on 1,000,000 blocked objects, one thread and two; and the same checks through
# the in-memory index (IndexedLedgerStore: index*).
set -euo pipefail
cd "$(dirname "$0")/../.."
echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ)  nproc=$(nproc)  $(java -version 2>&1 | sed -n 2p)"
for t in 1 2; do
  echo "\$ java -jar benchmarks/target/benchmarks.jar QueryBenchmark.(domain|draw|sqliteObjectBlock|sqliteCrossJoin|index) -f 1 -wi 2 -w 2s -i 3 -r 2s -t $t"; uptime
  java -jar benchmarks/target/benchmarks.jar "QueryBenchmark.(domain|draw|sqliteObjectBlock|sqliteCrossJoin|index)" -f 1 -wi 2 -w 2s -i 3 -r 2s -t $t 2>&1 \
    | grep -E "^Benchmark|^QueryBenchmark|ERROR|Exception" || true
done
uptime
# The production blockedAmong (CROSS JOIN, kept statements) on 1,000,000 blocked objects.
echo "\$ java -jar benchmarks/target/benchmarks.jar QueryBenchmark.sqliteBlockedAmong10k -f 1 -wi 1 -w 5s -i 2 -r 5s -t 1"
java -jar benchmarks/target/benchmarks.jar QueryBenchmark.sqliteBlockedAmong10k -f 1 -wi 1 -w 5s -i 2 -r 5s -t 1 2>&1 \
  | grep -E "^Benchmark|^QueryBenchmark|ERROR|Exception" || true
uptime
