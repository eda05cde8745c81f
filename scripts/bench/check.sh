#!/usr/bin/env bash
# Single-object check and bulk check over HTTP, after a sequential policy run that blocks ids
# 0..999,999 of workspace "load" (checks draw from 0..1,999,999: about half blocked).
# The flat-out single check is driven by wrk and by the load generator; the p99 at 10,000 req/s by
# the load generator's open loop (latency from the due time; its own ceiling: ceiling-http.sh).
# Every client runs on the same 2 cores as the service. SECONDS_EACH (default 15) per run.
source "$(dirname "$0")/lib.sh"
command -v wrk >/dev/null || apt-get install -y wrk >/dev/null
S=${SECONDS_EACH:-15}
LUA=scripts/bench/check.lua
machine
start_service FULL
load policy --size 10000 --order sorted --concurrency 2 --requests 100 --workspace load
curl -s -H "Authorization: Bearer $TOKEN" "$BASE/v1/workspaces"; echo
export TOKEN
wrk -t2 -c16 -d5s -s $LUA "$BASE" >/dev/null   # warm-up
for run in 1 2; do
  for c in 16 50; do
    echo "\$ TOKEN=... wrk -t2 -c$c -d${S}s --latency -s $LUA $BASE"; uptime
    wrk -t2 -c$c -d${S}s --latency -s $LUA "$BASE" | grep -E "Latency |Requests/sec|^ +(50|99)%"
  done
done
load check --concurrency 50 --requests 100000000 --seconds $S --warmup 5
for pace in 10; do
  echo "\$ TOKEN=... PACE_MS=$pace wrk -t2 -c100 -d20s --latency -s $LUA $BASE   # ~100/(${pace} ms) req/s"; uptime
  PACE_MS=$pace wrk -t2 -c100 -d20s --latency -s $LUA "$BASE" | grep -E "Latency |Requests/sec|^ +(50|90|99)%"
done
for rate in 10000 5000; do
  load check --rate $rate --concurrency 100 --requests 100000000 --seconds 20 --warmup 5
done
# Bulk: 10,000 objects per request (about half blocked), one and two at a time.
for c in 1 2; do
  load bulk --size 10000 --concurrency $c --requests 100000 --seconds $S --warmup 5
done
stop_service
machine
