#!/usr/bin/env bash
# Ceiling (b): a no-op HTTP server (benchmarks' NoopHttpServer: Netty, the transport under
# Micronaut, answering every request with a fixed 16-byte JSON) driven by wrk (GET, and POST of
# a 1 kB body) and by the repo's own load generator (check and small scenarios, which the no-op
# server answers like any path), so the service's numbers can be read as ratios to what this
# machine and this client can do at all. Then wrk against the service's single-object check.
# SECONDS_EACH (default 10) per run.
source "$(dirname "$0")/lib.sh"
command -v wrk >/dev/null || apt-get install -y wrk >/dev/null
S=${SECONDS_EACH:-10}
NOOP_PORT=${NOOP_PORT:-18091}
NOOP="http://127.0.0.1:$NOOP_PORT"
machine
java -cp benchmarks/target/benchmarks.jar dev.accessgate.benchmarks.NoopHttpServer "$NOOP_PORT" >"$BENCH_DIR/noop.log" 2>&1 &
NOOP_PID=$!
trap 'kill $NOOP_PID 2>/dev/null || true; cleanup' EXIT
for _ in $(seq 1 50); do curl -sf "$NOOP/" >/dev/null 2>&1 && break; sleep 0.2; done
head -c 1024 /dev/zero | tr '\0' 'x' | sed 's/^/{"p":"/; s/$/"}/' >"$BENCH_DIR/body.json"
cat >"$BENCH_DIR/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open("$BENCH_DIR/body.json"); wrk.body = f:read("*a"); f:close()
LUA
wrk -t2 -c50 -d3s "$NOOP/" >/dev/null   # warm-up
for run in 1 2; do
  echo "\$ wrk -t2 -c50 -d${S}s $NOOP/v1/workspaces/load/objects/jira/issue/42   # no-op GET"; uptime
  wrk -t2 -c50 -d${S}s "$NOOP/v1/workspaces/load/objects/jira/issue/42" | grep -E "Latency |Requests/sec"
  echo "\$ wrk -t2 -c50 -d${S}s -s post.lua $NOOP/events   # no-op POST, 1 kB body"; uptime
  wrk -t2 -c50 -d${S}s -s "$BENCH_DIR/post.lua" "$NOOP/events" | grep -E "Latency |Requests/sec"
done
# The load generator's own ceilings: flat out, open loop at 10,000/s, and small events.
for args in "check --concurrency 50" "check --concurrency 100 --rate 10000" "small --concurrency 64" "small --concurrency 256"; do
  echo "\$ java -jar $JAR load $args --url $NOOP --seconds $S --warmup 5   # the load generator's own ceiling"; uptime
  # shellcheck disable=SC2086
  java -jar "$JAR" load $args --url "$NOOP" --token x --requests 100000000 --seconds $S --warmup 5 2>&1 | grep -v '^ \+[0-9]\+ s '
done
kill $NOOP_PID; wait $NOOP_PID 2>/dev/null || true
start_service FULL
wrk -t2 -c50 -d3s -H "Authorization: Bearer $TOKEN" "$BASE/v1/workspaces/load/objects/jira/issue/42" >/dev/null  # warm-up
for c in 16 50; do
  echo "\$ wrk -t2 -c$c -d${S}s -H 'Authorization: Bearer ...' $BASE/v1/workspaces/load/objects/jira/issue/42   # the service, empty db"; uptime
  wrk -t2 -c$c -d${S}s -H "Authorization: Bearer $TOKEN" "$BASE/v1/workspaces/load/objects/jira/issue/42" | grep -E "Latency |Requests/sec"
done
echo "\$ wrk -t2 -c50 -d${S}s $BASE/health/liveness"; uptime
wrk -t2 -c50 -d${S}s "$BASE/health/liveness" | grep -E "Latency |Requests/sec"
machine
