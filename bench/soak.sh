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

. bench/common.sh
missing=()
command -v python3 >/dev/null || missing+=("python3")
command -v curl >/dev/null || missing+=("curl")
[ -x "$pgbin/initdb" ] && [ -x "$pgbin/psql" ] || missing+=("PostgreSQL server binaries (initdb, pg_ctl, psql)")
if [ "${#missing[@]}" -gt 0 ]; then
  printf 'bench/soak.sh needs: %s\n' "${missing[@]}" >&2
  exit 1
fi

bench_work tessera-soak

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
    SELFSERVICE_FLOWS_RECOVERY_ENABLED=true \
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

start_postgres soak
pg_port=$pgport
soak postgres "postgres://postgres@127.0.0.1:$pg_port/soak?sslmode=disable" postgres_sizes
