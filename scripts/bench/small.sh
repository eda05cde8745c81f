#!/usr/bin/env bash
# Small events (~400 B Forge product events) acknowledged per second, concurrency 8 and 64,
# synchronous FULL and NORMAL. SECONDS_EACH (default 15) per run.
source "$(dirname "$0")/lib.sh"
S=${SECONDS_EACH:-15}
machine
for sync in ${SYNCS:-FULL NORMAL}; do
  start_service "$sync"
  load small --concurrency 8 --requests 2000 --seconds 5 >/dev/null   # warm-up
  for c in ${CONCURRENCY:-8 64}; do
    load small --concurrency $c --requests 10000000 --seconds $S
  done
done
stop_service
machine
