#!/usr/bin/env bash
# Bulk check with a JFR profile of the service: blocks ids 0..999,999 of workspace "load", then
# checks 10,000 objects per request (about half blocked) two at a time for 20 s while recording.
# Prints the hottest frames (top of stack) and the packages they fall in. Leaves bulk.jfr in OUT.
source "$(dirname "$0")/lib.sh"
OUT=${OUT:-/tmp}
machine
start_service FULL
load policy --size 10000 --order sorted --concurrency 2 --requests 100 --workspace load >/dev/null
load bulk --size 10000 --concurrency 2 --requests 100000 --seconds 5 >/dev/null   # warm-up
jcmd "$SERVER" JFR.start name=bulk filename="$OUT/bulk.jfr" settings=profile >/dev/null
load bulk --size 10000 --concurrency 2 --requests 100000 --seconds 20
jcmd "$SERVER" JFR.stop name=bulk >/dev/null
stop_service
machine
scripts/bench/jfr-top.sh "$OUT/bulk.jfr"
