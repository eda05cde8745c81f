#!/usr/bin/env bash
# RSS of the running service while sequential policy events (12,000 ids each) store
# 1,000,000, 3,000,000 and 10,000,000 blocked objects (synchronous=NORMAL to keep the run short;
# the stored data and the heap are the same as with FULL). JAVA_OPTS (default none: the JVM's
# default heap, a quarter of RAM) go to the service; TARGETS (default 1000000 3000000 10000000)
# the stored counts to stop at. Bounded: 834 events, at most 15 minutes. Then a restart on the same
# file, with RSS once the in-memory index is built again.
source "$(dirname "$0")/lib.sh"
machine
start_service "${SYNC:-NORMAL}" ${JAVA_OPTS:-}
echo "# rss after start: $(rss_mb) MB"
done_ids=0
for target in ${TARGETS:-1000000 3000000 10000000}; do
  events=$(( (target - done_ids + 11999) / 12000 ))
  # the policy scenario numbers events from 0 in every run: give each run its own workspace
  load policy --size 12000 --order sorted --concurrency 2 --requests $events --seconds 900 --workspace "mem-$target"
  done_ids=$(( done_ids + events * 12000 ))
  curl -s -H "Authorization: Bearer $TOKEN" "$BASE/v1/workspaces" | head -c 400; echo
  echo "# ~$done_ids ids stored: rss $(rss_mb) MB, database $(du -sh "$BENCH_DIR" | cut -f1)"
  jcmd "$SERVER" GC.heap_info 2>/dev/null | head -3 || true
done
sleep 5; echo "# after 5 s idle: rss $(rss_mb) MB"
# A restart on the same file: the in-memory index is built again in the background from what is
# stored (workspaces smallest first, up to ACCESSGATE_INDEX_MAX_OBJECTS); RSS once it is built.
KEEP_DB=1 start_service "${SYNC:-NORMAL}" ${JAVA_OPTS:-}
echo "# restarted: rss after start $(rss_mb) MB"
for _ in $(seq 1 300); do grep -q "index: .* built in" "$BENCH_DIR/server.log" && break; sleep 1; done
grep "index: " "$BENCH_DIR/server.log" | sed 's/^/# /' || true
echo "# restarted, index built: rss $(rss_mb) MB"
jcmd "$SERVER" GC.heap_info 2>/dev/null | head -3 || true
stop_service
machine
