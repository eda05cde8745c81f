#!/usr/bin/env bash
# The long crash-safety run (issue 9, docs/reliability.md): accessgate in a separate JVM takes
# policy, migration and product events from several threads and is kill -9ed CRASHES times;
# then everything acknowledged is checked through the API. The normal build runs a 3-crash
# slice of the same test (CrashSafetyTest).
#
#   scripts/reliability/crash.sh [CRASHES] [EVENTS]     e.g. scripts/reliability/crash.sh 20 8000
#   SEED=1234 scripts/reliability/crash.sh 5            replays the stream of a failed run
#
# Prints the report line; it is also left in app/target/crash-report.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
crashes="${1:-20}"
events="${2:-$((crashes * 400))}"
args=(-Daccessgate.crash.crashes="$crashes" -Daccessgate.crash.events="$events")
if [[ -n "${SEED:-}" ]]; then args+=(-Daccessgate.crash.seed="$SEED"); fi
if [[ -n "${SENDERS:-}" ]]; then args+=(-Daccessgate.crash.senders="$SENDERS"); fi
# The reactor builds the test-jars the app's tests use; only CrashSafetyTest runs.
mvn -B -q ${MAVEN_OFFLINE:+-o} -pl app -am verify -Dtest=CrashSafetyTest -Dsurefire.failIfNoSpecifiedTests=false \
    "${args[@]}"
cat app/target/crash-report.txt
