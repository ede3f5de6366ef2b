#!/usr/bin/env bash
# Tessera's benchmark: requests/s and p50/p99 latency at 1 and 32 connections for the hot endpoints, on SQLite
# and on a throwaway PostgreSQL, next to a minimal Kestrel endpoint (the limit of this machine), plus the argon2id
# hash cost and peak RSS. Everything runs on 127.0.0.1 and every load run is bounded in time.
#
#   bench/run.sh                 # the table (about 6 minutes)
#   DURATION=5 bench/run.sh      # seconds per load run (default 8)
#   SCALE=100000 bench/run.sh    # also import SCALE identities and compare lookups with 1,000 (slow: see README)
#   BENCH_ONLY=permissions bench/run.sh   # only the Kestrel baseline and the permission checks (100k tuples)
#   BENCH_ONLY=oauth2 bench/run.sh        # only the Kestrel baseline and the OAuth2 rows (client credentials, introspection)
#   BENCH_ONLY=core bench/run.sh          # only the Kestrel baseline, whoami and flow creation, per database two servers,
#                                         # error occurrence recording on and off, in alternating rounds (ROUNDS=3)
#
# It installs nothing: it says what is missing (wrk, python3, PostgreSQL's initdb) and stops.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
DURATION=${DURATION:-8}
SCALE=${SCALE:-0}
BENCH_ONLY=${BENCH_ONLY:-}
ROUNDS=${ROUNDS:-3}
TUPLES=${TUPLES:-100000}

. bench/common.sh
missing=()
command -v wrk >/dev/null || missing+=("wrk (apt-get install -y wrk)")
command -v python3 >/dev/null || missing+=("python3")
command -v curl >/dev/null || missing+=("curl")
[ -x "$pgbin/initdb" ] || missing+=("PostgreSQL server binaries (initdb, pg_ctl)")
if [ "${#missing[@]}" -gt 0 ]; then
  printf 'bench/run.sh needs: %s\n' "${missing[@]}" >&2
  exit 1
fi

bench_work tessera-bench

echo "Building (Release)..." >&2
dotnet build src/Tessera -c Release -nologo -v q >/dev/null
dotnet build bench/Baseline -c Release -nologo -v q >/dev/null
tessera_dll=$root/src/Tessera/bin/Release/net10.0/tessera.dll
baseline_dll=$root/bench/Baseline/bin/Release/net10.0/tessera-bench-baseline.dll

results=$work/results.tsv
: >"$results"

# wrk NAME DB CONNS URL [wrk options...] -> a row: name db conns req/s p50_ms p99_ms
load() {
  local name=$1 db=$2 conns=$3 url=$4
  shift 4
  local threads=$((conns < 2 ? 1 : 2))
  local out
  out=$(wrk -t"$threads" -c"$conns" -d"${DURATION}s" --timeout 10s --latency "$@" "$url")
  python3 - "$name" "$db" "$conns" >>"$results" <<PY
import re, sys
out = """$out"""
def ms(text):
    m = re.match(r"([\d.]+)(us|ms|s)", text)
    value, unit = float(m.group(1)), m.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
p50 = ms(re.search(r"\s50%\s+(\S+)", out).group(1))
p99 = ms(re.search(r"\s99%\s+(\S+)", out).group(1))
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
print("\t".join([sys.argv[1], sys.argv[2], sys.argv[3], f"{rps:.0f}", f"{p50:.2f}", f"{p99:.2f}", errors.group(1) if errors else "0"]))
PY
}

# --- the limit: a minimal Kestrel endpoint --------------------------------------------------------------------
port=$(free_port)
dotnet "$baseline_dll" "$port" >/dev/null 2>&1 &
pids+=($!)
wait_ready "http://127.0.0.1:$port/json"
echo "Baseline..." >&2
for c in 1 32; do load "kestrel minimal JSON" "-" "$c" "http://127.0.0.1:$port/json"; done
kill "${pids[-1]}"

# --- argon2id cost at Tessera's default parameters (128MB, t=1, p=2 x CPUs) ---------------------------------
hash_ms=-
[ -n "$BENCH_ONLY" ] || hash_ms=$(python3 - <<'PY'
import ctypes, os, time
lib = ctypes.CDLL("libargon2.so.1")
out = ctypes.create_string_buffer(32)
p = 2 * os.cpu_count()
lib.argon2id_hash_raw(1, 128 * 1024, p, b"password", 8, b"0123456789abcdef", 16, out, 32)
runs = 5
start = time.perf_counter()
for _ in range(runs):
    lib.argon2id_hash_raw(1, 128 * 1024, p, b"correct horse battery", 21, b"0123456789abcdef", 16, out, 32)
print(f"{(time.perf_counter() - start) * 1000 / runs:.1f}")
PY
)

# --- Tessera on one database ----------------------------------------------------------------------------------
# Starts Tessera on one database; sets started_public, started_admin and started_pid.
start_tessera() {
  local db=$1 dsn=$2 recording=${3:-true}
  local pub adm
  pub=$(free_port)
  adm=$(free_port)
  # Rate limits off: the load comes from one address and one account, which the limits exist to stop.
  # The haveibeenpwned check off: this machine has no internet, and nothing here may call out.
  ERRORS_OCCURRENCES_ENABLED=$recording DSN=$dsn SERVE_PUBLIC_PORT=$pub SERVE_ADMIN_PORT=$adm LOG_LEVEL=error RATE_LIMITS_ENABLED=false \
    SELFSERVICE_METHODS_PASSWORD_CONFIG_HAVEIBEENPWNED_ENABLED=false \
    PERMISSIONS_NAMESPACES='[{"id":0,"name":"files"},{"id":1,"name":"groups"}]' \
    dotnet "$tessera_dll" serve --migrate >"$work/tessera-${db//[ ,]/_}.log" 2>&1 &
  started_pid=$!
  pids+=("$started_pid")
  started_public="http://127.0.0.1:$pub"
  started_admin="http://127.0.0.1:$adm"
  wait_ready "$started_public/health/ready"
}

bench_tessera() {
  local db=$1 dsn=$2 recording=${3:-true}
  start_tessera "$db" "$dsn" "$recording"
  local pid=$started_pid
  local public=$started_public admin=$started_admin
  if [ -n "$BENCH_ONLY" ]; then
    "bench_$BENCH_ONLY" "$db" "$public" "$admin"
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    return
  fi
  local email="bench-$db@example.com" password="bench passphrase 4242"

  curl -fs -X POST "$admin/admin/identities" -H 'Content-Type: application/json' \
    -d "{\"traits\":{\"email\":\"$email\"},\"credentials\":{\"password\":{\"config\":{\"password\":\"$password\"}}}}" >/dev/null
  local flow token error_id
  flow=$(curl -fs "$public/self-service/login/api" | json 'd["id"]')
  token=$(curl -fs -X POST "$public/self-service/login?flow=$flow" -H 'Content-Type: application/json' \
    -d "{\"method\":\"password\",\"identifier\":\"$email\",\"password\":\"$password\"}" | json 'd["session_token"]')
  error_id=$(curl -s -o /dev/null -w '%{redirect_url}' -H 'Accept: text/html' \
    "$public/self-service/login/flows?id=00000000-0000-0000-0000-000000000000" | sed -E 's/.*[?&]id=([^&]+).*/\1/')
  cat >"$work/login.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"method":"password","identifier":"$email","password":"$password"}'
LUA

  echo "Tessera on $db..." >&2
  for c in 1 32; do
    load "GET /sessions/whoami" "$db" "$c" "$public/sessions/whoami" -H "X-Session-Token: $token"
    load "GET /self-service/login/api" "$db" "$c" "$public/self-service/login/api"
    load "GET /self-service/errors?id=" "$db" "$c" "$public/self-service/errors?id=$error_id"
    load "POST /self-service/login" "$db" "$c" "$public/self-service/login?flow=$flow" -s "$work/login.lua"
  done
  local rss
  rss=$(awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$pid/status")
  printf 'rss\t%s\t%s\n' "$db" "$rss" >>"$work/rss.tsv"

  bench_permissions "$db" "$public" "$admin"
  bench_oauth2 "$db" "$public" "$admin"
  if [ "$SCALE" -gt 0 ]; then scale_run "$db" "$public" "$admin"; fi
  kill "$pid"
  wait "$pid" 2>/dev/null || true
}

# --- core (issue 22, acceptance 6): whoami and flow creation, to compare error occurrence recording on and off ---
# Flow creation records a funnel step per flow (the hot path the recorder must not slow); whoami records nothing
# when it succeeds, so it shows the recorder's cost when idle. Both servers of a database run side by side and are
# measured in alternating rounds (ROUNDS, default 3; "on" first in odd rounds, "off" first in even ones), so drift of
# the machine hits both; the table compares the medians. The db column names the recording state.
core_session() {
  local public=$1 admin=$2
  local email="bench-core@example.com" password="bench passphrase 4242" flow
  curl -fs -X POST "$admin/admin/identities" -H 'Content-Type: application/json' \
    -d "{\"traits\":{\"email\":\"$email\"},\"credentials\":{\"password\":{\"config\":{\"password\":\"$password\"}}}}" >/dev/null
  flow=$(curl -fs "$public/self-service/login/api" | json 'd["id"]')
  curl -fs -X POST "$public/self-service/login?flow=$flow" -H 'Content-Type: application/json' \
    -d "{\"method\":\"password\",\"identifier\":\"$email\",\"password\":\"$password\"}" | json 'd["session_token"]'
}

core_round() {
  local label=$1 public=$2 token=$3
  for c in 1 32; do
    load "GET /sessions/whoami" "$label" "$c" "$public/sessions/whoami" -H "X-Session-Token: $token"
    load "GET /self-service/login/api" "$label" "$c" "$public/self-service/login/api"
  done
}

core_compare() {
  local db=$1 dsn_on=$2 dsn_off=$3
  local on_public off_public on_pid off_pid on_token off_token
  start_tessera "$db, recording on" "$dsn_on" true
  on_public=$started_public on_pid=$started_pid on_token=$(core_session "$started_public" "$started_admin")
  start_tessera "$db, recording off" "$dsn_off" false
  off_public=$started_public off_pid=$started_pid off_token=$(core_session "$started_public" "$started_admin")
  # Warm-up, not measured: JIT, connection pools and the first writes.
  for target in "$on_public $on_token" "$off_public $off_token"; do
    set -- $target
    wrk -t2 -c32 -d2s "$1/self-service/login/api" >/dev/null
    wrk -t2 -c32 -d2s -H "X-Session-Token: $2" "$1/sessions/whoami" >/dev/null
  done
  echo "Core on $db ($ROUNDS rounds)..." >&2
  for round in $(seq 1 "$ROUNDS"); do
    if [ $((round % 2)) = 1 ]; then
      core_round "$db, recording on" "$on_public" "$on_token"
      core_round "$db, recording off" "$off_public" "$off_token"
    else
      core_round "$db, recording off" "$off_public" "$off_token"
      core_round "$db, recording on" "$on_public" "$on_token"
    fi
  done
  kill "$on_pid" "$off_pid"
  wait "$on_pid" "$off_pid" 2>/dev/null || true
}

# --- permissions: TUPLES relation tuples loaded through the batch PATCH API, then checks of depth 1 and 3 ------
# Half the tuples are direct (files:doc-N#view@user-N: a depth-1 check), the rest chains of three
# (files:folder-M#view@groups:team-M#member, groups:team-M#member@groups:org-M#member, groups:org-M#member@user-fM).
# "same" asks one check again and again (answered by the per-node check cache, permissions.check_cache_ttl);
# "varied" walks 16,000 different checks per connection, so within the 1 s cache TTL nearly every one is a miss.
bench_permissions() {
  local db=$1 public=$2 admin=$3
  python3 - "$admin" "$TUPLES" <<'PY'
import json, sys, urllib.request
admin, total = sys.argv[1], int(sys.argv[2])
direct, chains = total // 2, (total - total // 2) // 3
def tuples():
    for n in range(direct):
        yield {"namespace": "files", "object": f"doc-{n}", "relation": "view", "subject_id": f"user-{n}"}
    for m in range(chains):
        team = {"namespace": "groups", "object": f"team-{m}", "relation": "member"}
        org = {"namespace": "groups", "object": f"org-{m}", "relation": "member"}
        yield {"namespace": "files", "object": f"folder-{m}", "relation": "view", "subject_set": team}
        yield {**team, "subject_set": org}
        yield {**org, "subject_id": f"user-f{m}"}
batch = []
def send():
    body = json.dumps([{"action": "insert", "relation_tuple": t} for t in batch]).encode()
    req = urllib.request.Request(f"{admin}/admin/relation-tuples", data=body, method="PATCH", headers={"Content-Type": "application/json"})
    urllib.request.urlopen(req, timeout=300).read()
    batch.clear()
for t in tuples():
    batch.append(t)
    if len(batch) == 1000:
        send()
if batch:
    send()
PY
  varied() {
    cat >"$work/varied-$1.lua" <<LUA
counter = 0
request = function()
  counter = counter + 1
  local n = counter % 16000
  return wrk.format("GET", "/relation-tuples/check?$2")
end
LUA
  }
  varied 1 'namespace=files&object=doc-" .. n .. "&relation=view&subject_id=user-" .. n .. "'
  varied 3 'namespace=files&object=folder-" .. n .. "&relation=view&subject_id=user-f" .. n .. "'
  echo "Permissions on $db ($TUPLES tuples)..." >&2
  for c in 1 32; do
    load "check depth 1 (same)" "$db" "$c" "$public/relation-tuples/check?namespace=files&object=doc-25000&relation=view&subject_id=user-25000"
    load "check depth 3 (same)" "$db" "$c" "$public/relation-tuples/check?namespace=files&object=folder-8000&relation=view&subject_id=user-f8000"
    load "check depth 1 (varied)" "$db" "$c" "$public/" -s "$work/varied-1.lua"
    load "check depth 3 (varied)" "$db" "$c" "$public/" -s "$work/varied-3.lua"
  done
}

# --- OAuth2 (issue 20): client credentials with an opaque and with a JWT access token, and introspection -------
# Two clients made through the admin API (Hydra's shape), each asked for tokens with client_secret_basic;
# introspection asks about one opaque token again and again (a hot token: the answer a resource server's gateway
# needs on every request).
bench_oauth2() {
  local db=$1 public=$2 admin=$3
  client() {
    curl -fs -X POST "$admin/admin/clients" -H 'Content-Type: application/json' \
      -d "{\"client_name\":\"bench-$1\",\"grant_types\":[\"client_credentials\"],\"scope\":\"read\",\"token_endpoint_auth_method\":\"client_secret_basic\",\"access_token_strategy\":\"$1\"}" \
      | json 'd["client_id"] + ":" + d["client_secret"]'
  }
  token_lua() {
    cat >"$work/token-$1.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = "Basic $(printf '%s' "$2" | base64 -w0)"
wrk.body = "grant_type=client_credentials&scope=read"
LUA
  }
  local opaque jwt access
  opaque=$(client opaque)
  jwt=$(client jwt)
  token_lua opaque "$opaque"
  token_lua jwt "$jwt"
  access=$(curl -fs -X POST "$public/oauth2/token" -u "$opaque" -d 'grant_type=client_credentials&scope=read' | json 'd["access_token"]')
  cat >"$work/introspect.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "token=$access"
LUA
  echo "OAuth2 on $db..." >&2
  for c in 1 32; do
    load "POST /oauth2/token client_credentials (opaque)" "$db" "$c" "$public/oauth2/token" -s "$work/token-opaque.lua"
    load "POST /oauth2/token client_credentials (JWT)" "$db" "$c" "$public/oauth2/token" -s "$work/token-jwt.lua"
    load "POST /admin/oauth2/introspect" "$db" "$c" "$admin/admin/oauth2/introspect" -s "$work/introspect.lua"
  done
}

# --- scale: import SCALE identities through the batch API, compare lookups with 1,000 -------------------------
scale_run() {
  local db=$1 public=$2 admin=$3
  python3 - "$admin" "$SCALE" "$db" >>"$work/scale.tsv" <<'PY'
import json, sys, time, urllib.request
admin, total, db = sys.argv[1], int(sys.argv[2]), sys.argv[3]
def batch(start, n):
    body = json.dumps({"identities": [{"create": {"traits": {"email": f"scale-{i}@example.com"}}} for i in range(start, start + n)]}).encode()
    req = urllib.request.Request(f"{admin}/admin/identities", data=body, method="PATCH", headers={"Content-Type": "application/json"})
    urllib.request.urlopen(req, timeout=120).read()
def lookup_ms(email, runs=200):
    start = time.perf_counter()
    for _ in range(runs):
        urllib.request.urlopen(f"{admin}/admin/identities?credentials_identifier={email}", timeout=10).read()
    return (time.perf_counter() - start) * 1000 / runs
made, started, small = 0, time.perf_counter(), None
while made < total:
    n = min(1000, total - made)
    batch(made, n)
    made += n
    if small is None and made >= 1000:
        small = lookup_ms("scale-500@example.com")
rate = total / (time.perf_counter() - started)
large = lookup_ms(f"scale-{total - 1}@example.com")
print(f"{db}\t{total}\t{rate:.0f}\t{small:.2f}\t{large:.2f}")
PY
}

if [ "$BENCH_ONLY" = core ]; then
  # Recording on, then off, on a fresh database each: the ratio between the two is what acceptance 6 asks about.
  core_compare sqlite "sqlite://$work/bench-on.db" "sqlite://$work/bench-off.db"
  start_postgres tessera
  as_postgres "$pgbin/createdb" -h 127.0.0.1 -p "$pgport" -U postgres tessera_off
  core_compare postgres "postgres://postgres@127.0.0.1:$pgport/tessera?sslmode=disable" \
    "postgres://postgres@127.0.0.1:$pgport/tessera_off?sslmode=disable"
else
  # SQLite
  bench_tessera sqlite "sqlite://$work/bench.db"

  # PostgreSQL: a throwaway cluster on a free loopback port
  start_postgres tessera
  bench_tessera postgres "postgres://postgres@127.0.0.1:$pgport/tessera?sslmode=disable"
fi

# --- the table ---------------------------------------------------------------------------------------------------
python3 - "$results" "$work/rss.tsv" "$hash_ms" "$DURATION" "$work/scale.tsv" <<'PY'
import os, platform, subprocess, sys, datetime
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
limit = {r[2]: float(r[3]) for r in rows if r[1] == "-"}
cpu = next((l.split(":")[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
print(f"Tessera benchmark, {datetime.date.today()}, {os.cpu_count()} cores ({cpu}), {sys.argv[4]} s per run, loopback")
print()
print("| endpoint | db | conns | req/s | p50 ms | p99 ms | ratio to Kestrel | non-2xx |")
print("|---|---|---:|---:|---:|---:|---:|---:|")
for name, db, conns, rps, p50, p99, errors in rows:
    ratio = float(rps) / limit[conns] if conns in limit and db != "-" else 1.0
    print(f"| {name} | {db} | {conns} | {rps} | {p50} | {p99} | {ratio:.2f} | {errors} |")
print()
if sys.argv[3] != "-":
    print(f"argon2id hash at the default parameters (128MB, t=1, p=2 x CPUs): {sys.argv[3]} ms")
for line in open(sys.argv[2]) if os.path.exists(sys.argv[2]) else []:
    _, db, rss = line.split()
    print(f"peak RSS of the server ({db} run): {rss} MB")
def medians(state):
    runs = {}
    for r in rows:
        if r[1].endswith(f", recording {state}"):
            runs.setdefault((r[0], r[1].replace(f", recording {state}", ""), r[2]), []).append(float(r[3]))
    return {k: sorted(v)[len(v) // 2] for k, v in runs.items()}, {k: len(v) for k, v in runs.items()}
pairs, rounds = medians("on")
off, _ = medians("off")
if pairs and off:
    print()
    print("| endpoint | db | conns | rounds | median req/s recording on | median req/s recording off | on / off |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for key, on in pairs.items():
        if key in off:
            print(f"| {key[0]} | {key[1]} | {key[2]} | {rounds[key]} | {on:.0f} | {off[key]:.0f} | {on / off[key]:.3f} |")
if os.path.exists(sys.argv[5]):
    print()
    print("| db | identities | import identities/s | lookup ms at 1,000 | lookup ms at all |")
    print("|---|---:|---:|---:|---:|")
    for line in open(sys.argv[5]):
        db, total, rate, small, large = line.split()
        print(f"| {db} | {total} | {rate} | {small} | {large} |")
PY
