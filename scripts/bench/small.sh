#!/usr/bin/env bash
# Small events (~400 B Forge product events) acknowledged per second, concurrency 8, 64 and 256
# (group commit: the more requests wait, the more share a commit), synchronous FULL and NORMAL.
# SECONDS_EACH (default 15) per run, after a 5 s uncounted warm-up.
source "$(dirname "$0")/lib.sh"
S=${SECONDS_EACH:-15}
machine
for sync in ${SYNCS:-FULL NORMAL}; do
  start_service "$sync"
  for c in ${CONCURRENCY:-8 64 256}; do
    load small --concurrency $c --requests 10000000 --seconds $S --warmup 5
  done
done
stop_service
machine
