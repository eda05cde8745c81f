#!/usr/bin/env bash
# Throughput of 1, 2 and 3 accessgate instances over one PostgreSQL database (docs/scaling.md).
#
#   scripts/postgres/measure-instances.sh [SECONDS] [SCENARIO] [CONCURRENCY]
#
# Builds nothing: run `mvn -B -o -q -pl app -am package -DskipTests` first. Starts a durable
# PostgreSQL (fsync on, unlike the tests') with ensure-postgres.sh, then for N = 1, 2, 3: a fresh
# database, N instances, N load clients (`accessgate.jar load`, one per instance, each on its own
# workspace) at the same time; prints the sum of their throughputs. Also measures one instance on
# SQLite with the same load, for comparison. Everything it starts is stopped at the end.
set -euo pipefail

seconds=${1:-20}
scenario=${2:-small}
concurrency=${3:-16}
root=$(cd "$(dirname "$0")/../.." && pwd)
jar="$root/app/target/accessgate.jar"
token=measure-token-0123456789abcdef
work=$(mktemp -d /tmp/accessgate-measure.XXXXXX)
chmod 755 "$work" # the server runs as the postgres user
pg="$work/pg"
port=$((20000 + RANDOM % 20000))
pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  "$root/scripts/postgres/ensure-postgres.sh" stop "$pg" || true
  rm -rf "$work"
}
trap cleanup EXIT

[[ -f "$jar" ]] || { echo "build the jar first: mvn -B -o -q -pl app -am package -DskipTests" >&2; exit 2; }
"$root/scripts/postgres/ensure-postgres.sh" start "$pg" "$port" >/dev/null

start_instance() { # name http-port [database-url]
  local dir="$work/$1"
  mkdir -p "$dir"
  (cd "$dir" && ACCESSGATE_API_TOKEN=$token PORT=$2 ACCESSGATE_DATABASE_URL=${3:-} ACCESSGATE_DB="$dir/accessgate.db" \
    exec java -Xmx512m -jar "$jar" >"$dir/log" 2>&1) &
  pids+=($!)
  for _ in $(seq 1 240); do
    curl -fs "http://127.0.0.1:$2/health" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "instance $1 did not start; its log:" >&2
  tail -20 "$dir/log" >&2
  exit 1
}

load() { # http-port workspace
  java -jar "$jar" load "$scenario" --url "http://127.0.0.1:$1" --seconds "$seconds" --concurrency "$concurrency" \
    --workspace "$2" --token "$token" 2>/dev/null | sed -n 's/^throughput: \([0-9,]*\) requests\/s, \([0-9,]*\) .*/\1 \2/p' | tr -d ,
}

run() { # label ports...
  local label=$1; shift
  local outs=() i=0
  for p in "$@"; do
    load "$p" "ws-$label-$i" >"$work/out-$label-$i" &
    outs+=($!); i=$((i + 1))
  done
  wait "${outs[@]}"
  local total=0 units=0 parts=""
  for ((j = 0; j < i; j++)); do
    local r u
    read -r r u <"$work/out-$label-$j" || true
    total=$((total + ${r:-0})); units=$((units + ${u:-0})); parts="$parts ${r:-0}"
  done
  echo "$label: $total requests/s, $units units/s (requests/s per instance:$parts) | $(uptime | sed 's/.*load/load/')"
}

echo "scenario $scenario, $seconds s, $concurrency connections per instance; $(nproc) cores"
start_instance sqlite 18100
run "sqlite-1" 18100
stop_last() {
  kill "${pids[-1]}" 2>/dev/null || true
  wait "${pids[-1]}" 2>/dev/null || true
  unset 'pids[-1]'
}
stop_last

for n in 1 2 3; do
  PGPASSWORD=accessgate psql -q -h 127.0.0.1 -p "$port" -U accessgate -d postgres -c "CREATE DATABASE scale_$n"
  ports=()
  for ((k = 0; k < n; k++)); do
    start_instance "pg$n-$k" $((18110 + 10 * n + k)) "postgresql://accessgate:accessgate@127.0.0.1:$port/scale_$n"
    ports+=($((18110 + 10 * n + k)))
  done
  run "postgresql-$n" "${ports[@]}"
  for ((k = 0; k < n; k++)); do stop_last; done
done
