#!/usr/bin/env bash
# The big fuzzing run: every *FuzzTest slice (ingestion, migration, Connect payloads, the real
# HTTP server, the filter language) scaled up, from a fresh seed, then the counts summed.
#
#   scripts/reliability/fuzz.sh            SCALE=10 (about 1,090,000 inputs), SEED=<epoch seconds>
#   SCALE=1 SEED=9001 scripts/reliability/fuzz.sh     what the normal build runs (fixed seeds)
#
# A crash prints the seed and the first inputs that crashed; rerun one slice with the same
# -Daccessgate.fuzz.seed and -Daccessgate.fuzz.scale to reproduce it. Exit 1 on any crash.
set -euo pipefail
cd "$(dirname "$0")/../.."
SCALE=${SCALE:-10}
SEED=${SEED:-$(date +%s)}
echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ)  nproc=$(nproc)  scale=$SCALE seed=$SEED"
echo "# uptime:$(uptime | sed 's/.*load average/ load average/')"
rm -f domain/target/fuzz-counts.txt adapters-http/target/fuzz-counts.txt
start=$(date +%s)
status=0
mvn -B -o -q -pl domain,adapters-http -am verify -Dtest='*FuzzTest' -Dsurefire.failIfNoSpecifiedTests=false \
  -Daccessgate.fuzz.scale="$SCALE" -Daccessgate.fuzz.seed="$SEED" || status=$?
counts=$(cat domain/target/fuzz-counts.txt adapters-http/target/fuzz-counts.txt 2>/dev/null || true)
echo "$counts"
echo "$counts" | awk -v s="$(( $(date +%s) - start ))" '
  { for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == "inputs") n += kv[2]; if (kv[1] == "crashes") c += kv[2] } }
  END { printf "TOTAL inputs=%d crashes=%d slices=%d in %d s\n", n, c, NR, s }'
echo "# uptime:$(uptime | sed 's/.*load average/ load average/')"
exit $status
