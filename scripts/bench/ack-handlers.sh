#!/usr/bin/env bash
# Acknowledgement latency of small events at a fixed 1,000 events/s (open loop: latency from
# the due time) while the delivery worker runs an HTTP handler for every event (the no-op
# server of ceiling-http.sh, answering 200 to anything). SECONDS_EACH (default 20).
source "$(dirname "$0")/lib.sh"
S=${SECONDS_EACH:-20}
NOOP_PORT=${NOOP_PORT:-18091}
machine
java -cp benchmarks/target/benchmarks.jar dev.accessgate.benchmarks.NoopHttpServer "$NOOP_PORT" >"$BENCH_DIR/noop.log" 2>&1 &
NOOP_PID=$!
trap 'kill $NOOP_PID 2>/dev/null || true; cleanup' EXIT
cat >"$BENCH_DIR/subscriptions.yml" <<YML
accessgate:
  subscriptions:
    - name: every-event
      events: ["*"]
      handler:
        url: http://127.0.0.1:$NOOP_PORT/handle
YML
export ACCESSGATE_CONFIG="$BENCH_DIR/subscriptions.yml"
for sync in ${SYNCS:-FULL}; do
  start_service "$sync" -Xmx128m
  load small --rate 1000 --concurrency 64 --requests 100000000 --seconds "$S" --warmup 5
  curl -s -H "Authorization: Bearer $TOKEN" "$BASE/v1/deliveries?limit=1" | head -c 300; echo
  grep -c "delivery" "$BENCH_DIR/server.log" || true
done
stop_service
kill $NOOP_PID; wait $NOOP_PID 2>/dev/null || true
machine
