#!/usr/bin/env bash
# Start-up to the first accepted request: from launching `java -jar` (with -Xmx128m and the
# class-data archive the build writes, as scripts/run does) on a fresh database to the first
# POST /events answered 200, polled every 10 ms. RUNS (default 3) times; also prints the CPU time
# it took and Micronaut's own "Startup completed in" figure.
# CDS=0: without the archive (what `java -jar` alone does). KEEP_DB=1: a restart, on the database
# the previous run left (the first run still starts on a fresh one).
source "$(dirname "$0")/lib.sh"
machine
ARCHIVE=app/target/accessgate.jsa
OPTS="-Xmx128m"
if [ "${CDS:-1}" = 1 ]; then
  [ -f "$ARCHIVE" ] || { echo "no $ARCHIVE: build with mvn -B -o -q package -DskipTests" >&2; exit 1; }
  OPTS="$OPTS -XX:SharedArchiveFile=$ARCHIVE"
fi
echo "# java $OPTS -jar $JAR${KEEP_DB:+ (restarts)}"
BODY='{"eventType":"avi:jira:updated:issue","issue":{"id":"1"}}'
for run in $(seq 1 "${RUNS:-3}"); do
  [ "${KEEP_DB:-0}" = 1 ] || rm -f "$BENCH_DIR"/accessgate.db*
  t0=$(date +%s%N)
  # shellcheck disable=SC2086 # OPTS is several words
  ACCESSGATE_DB="$BENCH_DIR/accessgate.db" ACCESSGATE_API_TOKEN="$TOKEN" PORT=$PORT \
    java $OPTS -jar "$JAR" >"$BENCH_DIR/server.log" 2>&1 &
  SERVER=$!
  until curl -sf -o /dev/null -H 'Content-Type: application/json' --data "$BODY" "$BASE/events" 2>/dev/null; do
    kill -0 "$SERVER" 2>/dev/null || { tail -20 "$BENCH_DIR/server.log" >&2; exit 1; }
    sleep 0.01
  done
  t1=$(date +%s%N)
  # CPU the JVM used to get there (user + system, clock ticks of 1/100 s): unlike the wall time,
  # it hardly depends on what else the machine runs.
  cpu=$(awk '{printf "%.2f", ($14 + $15) / 100}' "/proc/$SERVER/stat")
  echo "run $run: first accepted POST /events after $(( (t1 - t0) / 1000000 )) ms, ${cpu} s of CPU;" \
    "$(grep -o 'Startup completed in [0-9]*ms' "$BENCH_DIR/server.log");$(uptime | sed 's/.*load average/ load average/')"
  stop_service
done
machine
