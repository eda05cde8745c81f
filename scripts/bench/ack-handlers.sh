#!/usr/bin/env bash
# Acknowledgement latency of small events at a fixed 1,000 events/s (open loop: latency from
# the due time) while the delivery worker runs an HTTP handler for every event (the no-op
# server of ceiling-http.sh, answering 200 to anything). SECONDS_EACH (default 20).
# PROFILE=1: also a JFR recording of the measured run (parks and lock waits from 1 ms) and the
# database's fdatasync calls (count and duration, perf trace), summarised; files kept in OUT
# (default /tmp): ack.jfr, ack-fsync.txt. The profilers slow the service: quote the latency of
# a run without them.
source "$(dirname "$0")/lib.sh"
S=${SECONDS_EACH:-20}
NOOP_PORT=${NOOP_PORT:-18091}
OUT=${OUT:-/tmp}
machine
java -cp benchmarks/target/benchmarks.jar dev.accessgate.benchmarks.NoopHttpServer "$NOOP_PORT" >"$BENCH_DIR/noop.log" 2>&1 &
NOOP_PID=$!
PROFILERS=""
trap 'kill $NOOP_PID $PROFILERS 2>/dev/null || true; cleanup' EXIT
cat >"$BENCH_DIR/subscriptions.yml" <<YML
accessgate:
  subscriptions:
    - name: every-event
      events: ["*"]
      handler:
        url: http://127.0.0.1:$NOOP_PORT/handle
YML
export ACCESSGATE_CONFIG="$BENCH_DIR/subscriptions.yml"

# The profile settings with parks and lock waits from 1 ms (the writer's queue is in that range).
JFC="$BENCH_DIR/ack.jfc"
sed -E '/name="jdk\.(ThreadPark|JavaMonitorEnter|JavaMonitorWait)"/,/<\/event>/ s#<setting name="threshold"([^>]*)>[^<]*<#<setting name="threshold"\1>1 ms<#' \
  "$(dirname "$(readlink -f "$(command -v java)")")/../lib/jfr/profile.jfc" >"$JFC"

profile_start() {
  jcmd "$SERVER" JFR.start name=ack filename="$OUT/ack.jfr" settings="$JFC" >/dev/null
  perf trace -e fdatasync,fsync -p "$SERVER" -o "$OUT/ack-fsync.txt" &
  PROFILERS=$!
}

profile_stop() {
  kill -INT "$PROFILERS"; wait "$PROFILERS" 2>/dev/null || true; PROFILERS=""
  jcmd "$SERVER" JFR.stop name=ack >/dev/null
}

profile_summary() {
  echo "# fdatasync/fsync calls while measured (perf trace): count, per second, duration percentiles (ms)"
  local span; span=$(grep fsync "$OUT/ack-fsync.txt" | tail -n 1 | awk '{print $1/1000}')
  grep -oE '\( *[0-9.]+ ms\)' "$OUT/ack-fsync.txt" | tr -d '()ms ' | sort -n | awk -v s="$span" '
    {v[NR]=$1; t+=$1} END {if (NR) printf "  %d calls in %.0f s, %.0f/s, p50 %.2f p90 %.2f p99 %.2f max %.2f, %.1f s in fsync\n",
      NR, s, NR/s, v[int(NR*.5)+1], v[int(NR*.9)+1], v[int(NR*.99)+1], v[NR], t/1000}'
  echo "# calls by thread (name as the kernel has it, cut to 15 characters):"
  grep -oE 'ms\): [^/]+' "$OUT/ack-fsync.txt" | sed -E 's/ms\): //; s/-[0-9]+$/-N/' | sort | uniq -c | sort -rn | head -5
  echo "# long parks (>= 1 ms) by thread, count and total ms:"
  jfr print --events jdk.ThreadPark "$OUT/ack.jfr" | awk '
    /duration = / {d=$3; u=$4} /eventThread = / {n=$3; gsub(/"/,"",n); sub(/-[0-9]+$/,"-N",n);
      ms = (u ~ /^s/) ? d*1000 : d; c[n]++; m[n]+=ms} END {for (k in c) printf "  %-40s %6d %9.0f\n", k, c[k], m[k]}' | sort -k3 -rn | head -10
  echo "# accessgate frames in the stacks of those parks:"
  jfr print --events jdk.ThreadPark --stack-depth 12 "$OUT/ack.jfr" | grep -oE "dev\.accessgate[^ (]*" | sort | uniq -c | sort -rn | head -10
  echo "# execution samples, top frames of our code:"
  jfr print --events jdk.ExecutionSample --stack-depth 30 "$OUT/ack.jfr" | grep -oE "dev\.accessgate[^ (]*" | sort | uniq -c | sort -rn | head -10
  echo "# CPU (average of jdk.CPULoad):"
  jfr print --events jdk.CPULoad "$OUT/ack.jfr" | grep -E "jvmUser|jvmSystem|machineTotal" | awk '{a[$1]+=$3; n[$1]++} END {for (k in a) printf "  %s %.1f%%\n", k, a[k]/n[k]}'
}

for sync in ${SYNCS:-FULL}; do
  start_service "$sync" -Xmx128m
  [ "${PROFILE:-0}" = 1 ] && profile_start
  load small --rate 1000 --concurrency 64 --requests 100000000 --seconds "$S" --warmup 5
  [ "${PROFILE:-0}" = 1 ] && profile_stop
  curl -s -H "Authorization: Bearer $TOKEN" "$BASE/v1/deliveries?limit=1" | head -c 300; echo
  echo "# deliveries by state right after the run (the worker keeps up if few are pending):"
  curl -s "$BASE/metrics" | grep -E '^accessgate_deliveries\{' || true
  [ "${PROFILE:-0}" = 1 ] && profile_summary
done
stop_service
kill $NOOP_PID; wait $NOOP_PID 2>/dev/null || true
machine
