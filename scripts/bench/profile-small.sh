#!/usr/bin/env bash
# Small events with a JFR profile of the service (synchronous=NORMAL, concurrency 64, 15 s),
# then where the request threads wait and what runs. Leaves small.jfr in OUT (default /tmp).
source "$(dirname "$0")/lib.sh"
OUT=${OUT:-/tmp}
machine
start_service NORMAL -XX:StartFlightRecording=filename=$BENCH_DIR/startup.jfr,settings=profile
load small --concurrency 8 --requests 2000 --seconds 5 >/dev/null   # warm-up
jcmd "$SERVER" JFR.start name=small filename="$OUT/small.jfr" settings=profile >/dev/null
load small --concurrency 64 --requests 10000000 --seconds 15
jcmd "$SERVER" JFR.stop name=small >/dev/null
stop_service
machine
jfr summary "$OUT/small.jfr" | grep -E "ExecutionSample|NativeMethodSample|ThreadPark"
echo "# CPU (average of jdk.CPULoad):"
jfr print --events jdk.CPULoad "$OUT/small.jfr" | grep -E "jvmUser|jvmSystem|machineTotal" | awk '{a[$1]+=$3; n[$1]++} END {for (k in a) printf "  %s %.1f%%\n", k, a[k]/n[k]}'
echo "# accessgate frames in the stacks of long parks:"
jfr print --events jdk.ThreadPark --stack-depth 12 "$OUT/small.jfr" | grep -oE "dev\.accessgate[^ (]*" | sort | uniq -c | sort -rn | head -8
scripts/bench/jfr-top.sh "$OUT/small.jfr"
