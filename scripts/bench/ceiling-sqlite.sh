#!/usr/bin/env bash
# Ceiling (a): raw sqlite-jdbc insert of the load generator's ids into a WITHOUT ROWID table
# shaped like blocked_objects, 1,000-row batches, one commit per 12,000-id event.
# EVENTS (default 50) events per run; REPEAT (default 2) runs of each configuration.
source "$(dirname "$0")/lib.sh"
CP=benchmarks/target/benchmarks.jar
EVENTS=${EVENTS:-50}
machine
for run in $(seq 1 "${REPEAT:-2}"); do
  for sync in FULL NORMAL; do
    for order in sorted random; do
      java -cp $CP dev.accessgate.benchmarks.SqliteInsertCeiling "$BENCH_DIR" $sync $order "$EVENTS" 12000 2>/dev/null
    done
  done
done
# Per 1,000-row commit, and unsorted random ids (what sorting is worth), once each.
java -cp $CP dev.accessgate.benchmarks.SqliteInsertCeiling "$BENCH_DIR" FULL random "$EVENTS" 12000 commit-per-batch 2>/dev/null
java -cp $CP dev.accessgate.benchmarks.SqliteInsertCeiling "$BENCH_DIR" FULL unsorted "$EVENTS" 12000 2>/dev/null
machine
