#!/usr/bin/env bash
# Soak: accessgate on a temporary SQLite file under steady load for MINUTES (default 20), with
# RSS, open fds, threads, database + WAL size, heap after a full GC and latency percentiles
# sampled every SAMPLE seconds (default 30) into a CSV; then a least-squares slope over the
# second half of the run tells whether anything keeps growing. Loopback only. Exit 1 if it does.
#
#   scripts/reliability/soak.sh [minutes]
#   env: RATE (product events/s, default 40), POLICY_RATE (policy events/s, 10 ids each, default 10),
#        CHECK_RATE (single checks/s, default 100), RETENTION (ACCESSGATE_RETENTION of the
#        service, default 3m, so pruning runs inside the soak), OUT (CSV, default soak-<time>.csv)
#
# Needs app/target/accessgate.jar (mvn -B -o -q package -DskipTests) and jcmd.
source "$(dirname "$0")/../bench/lib.sh"
MINUTES=${1:-${MINUTES:-20}}
SAMPLE=${SAMPLE:-30}
RATE=${RATE:-40}
POLICY_RATE=${POLICY_RATE:-10}
CHECK_RATE=${CHECK_RATE:-100}
OUT=${OUT:-$PWD/soak-$(date -u +%Y%m%dT%H%M%SZ).csv}
# Slack of the growth check: over the second half a metric may grow by this share of its mean.
TOLERANCE=${TOLERANCE:-0.10}

# Every product event is routed to a subscription whose filter drops it: each one leaves a
# finished (filtered) delivery, so the retention of deliveries is exercised too.
cat >"$BENCH_DIR/soak.yml" <<YML
accessgate:
  subscriptions:
    - name: soak-filtered
      events: ["avi:jira:*"]
      filter:
        expression: "event.issue.fields.priority.name == 'Lowest'"
      handler:
        url: http://127.0.0.1:9/never-called
YML
export ACCESSGATE_CONFIG="$BENCH_DIR/soak.yml" ACCESSGATE_RETENTION=${RETENTION:-3m} ACCESSGATE_RETENTION_INTERVAL=30s

machine | tee "$OUT.log"
start_service FULL -Xmx512m >>"$OUT.log"   # not piped: it sets SERVER in this shell
tail -1 "$OUT.log"
DB="$BENCH_DIR/accessgate.db"
echo "# soak: $MINUTES min, samples every $SAMPLE s, $RATE product events/s + $POLICY_RATE policy events/s +" \
  "$CHECK_RATE checks/s, retention $ACCESSGATE_RETENTION, csv $OUT" | tee -a "$OUT.log"

# One window of load: the three scenarios side by side for SAMPLE seconds. The policy scenario
# numbers its events anew in every run (new ids) over the same sorted object ids, so events
# churn while the ledger stays the size of one window: what grows then is not the ledger.
window() {
  local n=$1
  local pids=()
  java -Xmx128m -jar "$JAR" load small --url "$BASE" --token "$TOKEN" --rate "$RATE" --seconds "$SAMPLE" \
    --concurrency 8 --requests 100000000 >"$BENCH_DIR/small.$n" 2>&1 &
  pids+=($!)
  java -Xmx128m -jar "$JAR" load policy --url "$BASE" --token "$TOKEN" --rate "$POLICY_RATE" --seconds "$SAMPLE" \
    --concurrency 4 --requests 100000000 --size 10 --order sorted --workspace soak >"$BENCH_DIR/policy.$n" 2>&1 &
  pids+=($!)
  java -Xmx128m -jar "$JAR" load check --url "$BASE" --token "$TOKEN" --rate "$CHECK_RATE" --seconds "$SAMPLE" \
    --concurrency 8 --requests 100000000 --workspace soak --ids 1500 >"$BENCH_DIR/check.$n" 2>&1 &
  pids+=($!)
  # not a bare wait: that would wait for the service too. A load run with failures exits
  # non-zero; its report still counts them.
  for pid in "${pids[@]}"; do wait "$pid" || true; done
}

# "p50 p99 non2xx" of one load report.
latency() {
  local file=$1
  local p50 p99 bad
  p50=$(sed -n 's/^latency ms: p50 \([0-9.]*\).*/\1/p' "$file")
  p99=$(sed -n 's/.* p99 \([0-9.]*\) .*/\1/p' "$file")
  # statuses: {200=1234, 503=2}; connection failures count as bad too
  bad=$(sed -n 's/^statuses: {\(.*\)}.*/\1/p' "$file" | tr ',' '\n' | awk -F= '$1+0 < 200 || $1+0 > 299 {s += $2} END {print s+0}')
  bad=$(( bad + $(sed -n 's/.*connection failures: \([0-9]*\).*/\1/p' "$file" | awk '{s += $1} END {print s+0}') ))
  echo "${p50:-NaN} ${p99:-NaN} $bad"
}

size_of() { stat -c %s "$1" 2>/dev/null || echo 0; }

echo "minute,rss_mb,fds,threads,db_mb,wal_mb,heap_after_gc_mb,small_p50_ms,small_p99_ms,policy_p50_ms,policy_p99_ms,check_p50_ms,check_p99_ms,non_2xx,load1" >"$OUT"
start=$(date +%s)
n=0
while [ $(( $(date +%s) - start )) -lt $(( MINUTES * 60 )) ]; do
  n=$((n + 1))
  window "$n"
  kill -0 "$SERVER" || { echo "the service died" >&2; tail -30 "$BENCH_DIR/server.log" >&2; exit 1; }
  jcmd "$SERVER" GC.run >/dev/null
  heap_kb=$(jcmd "$SERVER" GC.heap_info | sed -n 's/.* total [0-9]*K, used \([0-9]*\)K.*/\1/p' | head -1)
  rss_kb=$(awk '/^VmRSS/ {print $2}' "/proc/$SERVER/status")
  fds=$(ls "/proc/$SERVER/fd" | wc -l)
  threads=$(awk '/^Threads/ {print $2}' "/proc/$SERVER/status")
  read -r s50 s99 sbad <<<"$(latency "$BENCH_DIR/small.$n")"
  read -r p50 p99 pbad <<<"$(latency "$BENCH_DIR/policy.$n")"
  read -r c50 c99 cbad <<<"$(latency "$BENCH_DIR/check.$n")"
  awk -v m="$(( $(date +%s) - start ))" -v rss="$rss_kb" -v fds="$fds" -v th="$threads" -v db="$(size_of "$DB")" \
      -v wal="$(size_of "$DB-wal")" -v heap="${heap_kb:-0}" -v l="$(cut -d' ' -f1 /proc/loadavg)" \
      -v rest="$s50,$s99,$p50,$p99,$c50,$c99,$((sbad + pbad + cbad))" 'BEGIN {
    printf "%.2f,%.1f,%d,%d,%.2f,%.2f,%.1f,%s,%s\n", m / 60, rss / 1024, fds, th, db / 1048576, wal / 1048576,
      heap / 1024, rest, l }' >>"$OUT"
  tail -1 "$OUT" | tee -a "$OUT.log"
done
curl -s -H "Authorization: Bearer $TOKEN" "$BASE/v1/workspaces" | tee -a "$OUT.log"; echo | tee -a "$OUT.log"
{ grep -h "retention:" "$BENCH_DIR/server.log" || true; } | tail -3 | tee -a "$OUT.log"
stop_service
machine | tee -a "$OUT.log"
"$(dirname "$0")/growth.sh" "$OUT" "$TOLERANCE" | tee -a "$OUT.log"
