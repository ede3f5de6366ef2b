# SPDX-License-Identifier: Apache-2.0
# Shared by bench/run.sh and bench/soak.sh (sourced, from the repository root): a work folder removed on exit with
# every server started into "pids" stopped, and the helpers to run PostgreSQL and wait for Tessera. Loopback only.

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)

# bench_work PREFIX: creates $work and the exit trap that cleans up after it.
bench_work() {
  work=$(mktemp -d "/tmp/$1.XXXXXX")
  chmod 755 "$work"
  pids=()
  trap bench_cleanup EXIT
}

bench_cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ -f "$work/pg/PG_VERSION" ]; then
    as_postgres "$pgbin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}

as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

wait_ready() {
  for _ in $(seq 1 300); do
    curl -fs "$1" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "not ready: $1" >&2
  return 1
}

# start_postgres DATABASE: a throwaway cluster in $work/pg on a free loopback port ($pgport) with one database.
start_postgres() {
  mkdir -p "$work/pg"
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$work/pg"; fi
  as_postgres "$pgbin/initdb" -D "$work/pg" -U postgres -A trust -E UTF8 --no-sync >/dev/null
  pgport=$(free_port)
  as_postgres "$pgbin/pg_ctl" -D "$work/pg" -w -l "$work/pg/server.log" \
    -o "-p $pgport -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
  as_postgres "$pgbin/createdb" -h 127.0.0.1 -p "$pgport" -U postgres "$1"
}
