#!/usr/bin/env bash
# Ingest of blocked ids in ~200 kB events (12,000 ids each): sorted (a sequential chunked change)
# and random ids, at concurrency 2 and 8, with synchronous FULL and NORMAL. Each run uses its own
# workspace so ids are new. REQUESTS (default 60) events or SECONDS_EACH (default 30) per run.
source "$(dirname "$0")/lib.sh"
N=${REQUESTS:-60}; S=${SECONDS_EACH:-30}
machine
for sync in ${SYNCS:-FULL NORMAL}; do
  start_service "$sync"
  for order in sorted random; do
    for c in ${CONCURRENCY:-2 8}; do
      load policy --size 12000 --order $order --concurrency $c --requests $N --seconds $S \
        --workspace "ingest-$order-$c"
    done
  done
  echo "# database: $(du -sh "$BENCH_DIR" | cut -f1), rss $(rss_mb) MB"
done
stop_service
machine
