#!/usr/bin/env bash
# Single-object check with a JFR profile of the service: blocks ids 0..999,999 of workspace
# "load", warms up, then wrk -t2 -c50 for 15 s while recording. Prints the hottest frames and the
# areas they fall in (jfr-top.sh). Leaves check.jfr in OUT (default /tmp).
source "$(dirname "$0")/lib.sh"
command -v wrk >/dev/null || apt-get install -y wrk >/dev/null
OUT=${OUT:-/tmp}
LUA=scripts/bench/check.lua
machine
start_service FULL
load policy --size 10000 --order sorted --concurrency 2 --requests 100 --workspace load >/dev/null
export TOKEN
wrk -t2 -c50 -d10s -s $LUA "$BASE" >/dev/null   # warm-up
jcmd "$SERVER" JFR.start name=check filename="$OUT/check.jfr" settings=profile >/dev/null
wrk -t2 -c50 -d15s --latency -s $LUA "$BASE" | grep -E "Latency |Requests/sec|^ +(50|99)%"
jcmd "$SERVER" JFR.stop name=check >/dev/null
stop_service
machine
scripts/bench/jfr-top.sh "$OUT/check.jfr"
