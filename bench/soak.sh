#!/usr/bin/env bash
# Tessera's soak test (not part of the suite): DURATION seconds (default 600) of mixed load -- whoami, flow creation,
# registration, login, recovery -- against one node on SQLite, then on a throwaway PostgreSQL, loopback only.
# Records the server's RSS at start, peak and end, the table sizes at the end, and counts answers >= 500 (target 0).
#
#   bench/soak.sh                       # 10 minutes per database
#   DURATION=60 WORKERS=8 bench/soak.sh # a short run
#
# It installs nothing: it says what is missing (python3, curl, PostgreSQL's initdb/psql) and stops.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
DURATION=${DURATION:-600}
WORKERS=${WORKERS:-8}

missing=()
command -v python3 >/dev/null || missing+=("python3")
command -v curl >/dev/null || missing+=("curl")
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
[ -x "$pgbin/initdb" ] && [ -x "$pgbin/psql" ] || missing+=("PostgreSQL server binaries (initdb, pg_ctl, psql)")
if [ "${#missing[@]}" -gt 0 ]; then
  printf 'bench/soak.sh needs: %s\n' "${missing[@]}" >&2
  exit 1
fi

work=$(mktemp -d /tmp/tessera-soak.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ -f "$work/pg/PG_VERSION" ]; then
    as_postgres "$pgbin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_ready() {
  for _ in $(seq 1 300); do
    curl -fs "$1" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "not ready: $1" >&2
  return 1
}

echo "Building (Release)..." >&2
dotnet build src/Tessera -c Release -nologo -v q >/dev/null
tessera_dll=$root/src/Tessera/bin/Release/net10.0/tessera.dll

# soak DB DSN SIZES-COMMAND -> the driver's JSON line, the table sizes, the server's log lines at warn or above
soak() {
  local db=$1 dsn=$2
  local pub adm
  pub=$(free_port)
  adm=$(free_port)
  # Rate limits off: the load comes from one address, which the limits exist to stop.
  DSN=$dsn SERVE_PUBLIC_PORT=$pub SERVE_ADMIN_PORT=$adm LOG_LEVEL=warning RATE_LIMITS_ENABLED=false \
    dotnet "$tessera_dll" serve --migrate >"$work/tessera-$db.log" 2>&1 &
  local pid=$!
  pids+=("$pid")
  wait_ready "http://127.0.0.1:$pub/health/ready"
  echo "Soaking $db for ${DURATION}s with $WORKERS workers..." >&2
  python3 bench/soak.py "$pub" "$pid" "$DURATION" "$WORKERS" >"$work/result-$db.json"
  python3 - "$db" "$work/result-$db.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[2]))
m = lambda k: f"{r['rss'][k] / 1024:.0f} MB"
print(f"== {sys.argv[1]}: {r['requests']} requests, {r['answers_5xx_or_io']} answers >= 500 (or no answer)")
print(f"RSS start {m('start_kib')}, peak {m('peak_kib')}, end {m('end_kib')}; mean of the 3rd quarter {m('q3_mean_kib')}, of the 4th {m('q4_mean_kib')}")
for op, statuses in sorted(r["counts"].items()):
    print(f"  {op:13} " + ", ".join(f"{s}: {n}" for s, n in sorted(statuses.items())))
for e in r["errors"]:
    print(f"  ! {e}")
PY
  echo "Table sizes at the end (rows):"
  "$3"
  echo "Server log lines at warning or above: $(grep -cE 'warn:|fail:|crit:' "$work/tessera-$db.log" || true)"
  grep -E 'fail:|crit:' "$work/tessera-$db.log" | head -n 5 || true
  kill "$pid"
  wait "$pid" 2>/dev/null || true
}

sqlite_sizes() {
  python3 - "$work/soak.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
for (t,) in c.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name"):
    n = c.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0]
    if n:
        print(f"  {t:32} {n}")
import os
print(f"  (database file {os.path.getsize(sys.argv[1]) / 1048576:.1f} MB)")
PY
}

postgres_sizes() {
  # pg_stat counts are updated asynchronously: ANALYZE first.
  "$pgbin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d soak -qc "ANALYZE" >/dev/null
  "$pgbin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d soak -Atc \
    "SELECT relname, n_live_tup, pg_size_pretty(pg_total_relation_size(relid)) FROM pg_stat_user_tables WHERE n_live_tup > 0 ORDER BY relname" |
    awk -F'|' '{ printf "  %-32s %s (%s)\n", $1, $2, $3 }'
  echo "  (database $("$pgbin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d soak -Atc "SELECT pg_size_pretty(pg_database_size('soak'))"))"
}

soak sqlite "sqlite://$work/soak.db" sqlite_sizes

mkdir -p "$work/pg"
chown postgres:postgres "$work/pg" 2>/dev/null || true
as_postgres "$pgbin/initdb" -D "$work/pg" -U postgres -A trust -E UTF8 --no-sync >/dev/null
pg_port=$(free_port)
as_postgres "$pgbin/pg_ctl" -D "$work/pg" -w -l "$work/pg/server.log" start \
  -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=200" >/dev/null
"$pgbin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -qc "CREATE DATABASE soak" >/dev/null
soak postgres "postgres://postgres@127.0.0.1:$pg_port/soak?sslmode=disable" postgres_sizes
