#!/usr/bin/env bash
# A throw-away PostgreSQL server for tests and measurements, on loopback, in a directory of its own.
#
#   ensure-postgres.sh start DIR PORT [--fast]   installs Debian's postgresql when missing, creates a
#                                                 cluster in DIR, starts it on 127.0.0.1:PORT, creates
#                                                 the database, and prints its URL as the last line
#   ensure-postgres.sh stop DIR                   stops that server and deletes DIR
#
# --fast turns off fsync (tests only: a power loss would lose data; never for measurements).
# initdb refuses to run as root, so as root the server runs as the 'postgres' user the package creates.
set -euo pipefail

command=${1:?usage: ensure-postgres.sh start DIR PORT [--fast] | stop DIR}
dir=${2:?the server directory}

bindir() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -z "$found" ]] && command -v pg_config >/dev/null; then
    found=$(pg_config --bindir)
  fi
  echo "$found"
}

as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

case "$command" in
  start)
    port=${3:?the port}
    fast=${4:-}
    bin=$(bindir)
    if [[ -z "$bin" || ! -x "$bin/initdb" ]]; then
      if [[ $(id -u) -ne 0 ]]; then
        echo "PostgreSQL is not installed and only root can install it: apt-get install -y postgresql" >&2
        exit 2
      fi
      echo "installing Debian's postgresql package" >&2
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -q >&2
      apt-get install -y -q postgresql >&2
      bin=$(bindir)
    fi
    mkdir -p "$dir"
    if [[ $(id -u) -eq 0 ]]; then
      chown postgres: "$dir"
    fi
    chmod 700 "$dir"
    echo accessgate > "$dir/pwfile"
    [[ $(id -u) -eq 0 ]] && chown postgres: "$dir/pwfile"
    as_owner "$bin/initdb" -D "$dir/data" -U accessgate --pwfile="$dir/pwfile" --auth=scram-sha-256 \
      --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    options="-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=300"
    if [[ "$fast" == "--fast" ]]; then
      options="$options -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    fi
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -o "$options" -w -t 60 start >&2 \
      || { cat "$dir/server.log" >&2; exit 1; }
    PGPASSWORD=accessgate "$bin/psql" -h 127.0.0.1 -p "$port" -U accessgate -d postgres -q \
      -c "CREATE DATABASE accessgate" >&2
    echo "postgresql://accessgate:accessgate@127.0.0.1:$port/accessgate"
    ;;
  stop)
    bin=$(bindir)
    if [[ -d "$dir/data" ]]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >&2 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "unknown command $command" >&2
    exit 2
    ;;
esac
