# Shared by the scripts in scripts/bench: start accessgate on a temporary SQLite file, wait
# for /health, stop it. Loopback only. Source it; needs app/target/accessgate.jar
# (mvn -B -o -q package -DskipTests).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
JAR=app/target/accessgate.jar
[ -f "$JAR" ] || { echo "build first: mvn -B -o -q package -DskipTests" >&2; exit 1; }
PORT=${PORT:-18090}
BASE="http://127.0.0.1:$PORT"
TOKEN=${TOKEN:-bench-api-token-0123456789}
BENCH_DIR=$(mktemp -d /tmp/accessgate-bench.XXXXXX)
SERVER=""

# Machine and load, printed with every result.
machine() {
  echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ)  nproc=$(nproc)  $(java -version 2>&1 | sed -n 2p)"
  echo "# uptime:$(uptime | sed 's/.*up[^,]*,[^,]*,//')"
}

# start_service SYNC [java options...]: a fresh database with synchronous=SYNC (KEEP_DB=1: the same).
start_service() {
  local sync=$1; shift
  stop_service
  if curl -s -o /dev/null "$BASE/health" 2>/dev/null; then
    echo "port $PORT is already in use: stop that service first" >&2; exit 1
  fi
  # KEEP_DB=1: start again on the database of the previous start (a restart).
  [ -n "${KEEP_DB:-}" ] || rm -f "$BENCH_DIR"/accessgate.db*
  ACCESSGATE_DB="$BENCH_DIR/accessgate.db" ACCESSGATE_API_TOKEN="$TOKEN" ACCESSGATE_SQLITE_SYNCHRONOUS="$sync" \
    ACCESSGATE_BASE_URL="$BASE" PORT=$PORT java "$@" -jar "$JAR" >"$BENCH_DIR/server.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 150); do
    kill -0 "$SERVER" 2>/dev/null && curl -sf "$BASE/health" >/dev/null 2>&1 && { echo "# service pid $SERVER up, synchronous=$sync $*"; return 0; }
    kill -0 "$SERVER" 2>/dev/null || break
    sleep 0.2
  done
  echo "service did not start:" >&2; tail -20 "$BENCH_DIR/server.log" >&2; exit 1
}

stop_service() {
  if [ -n "$SERVER" ] && kill -0 "$SERVER" 2>/dev/null; then
    kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
  fi
  SERVER=""
}

cleanup() { stop_service || true; rm -rf "$BENCH_DIR"; }
trap cleanup EXIT

# load SCENARIO [options...]: the repo's load generator against the running service.
load() {
  local scenario=$1; shift
  echo "\$ java -jar $JAR load $scenario --url $BASE $*"
  echo "#$(uptime | sed 's/.*load average/ load average/')"
  # the progress lines are dropped; a run with failures still lets the script go on
  java -jar "$JAR" load "$scenario" --url "$BASE" --token "$TOKEN" "$@" 2>&1 | grep -v '^ \+[0-9]\+ s ' || true
}

rss_mb() { echo $(( $(ps -o rss= -p "$SERVER") / 1024 )); }
