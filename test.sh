#!/usr/bin/env bash
# Runs every test of Tessera on a fresh machine: installs what is missing, builds once, runs each test project,
# and ends with the totals alone on a line: "N passed, M failed". Exits non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")"

# Debian packages the tests need (PostgreSQL's initdb/pg_ctl are on the base image; chromium drives the browser tests,
# since Playwright cannot download its own browsers here).
packages=(libargon2-1 postgresql chromium)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing: ${missing[*]}"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}") >/dev/null \
      || echo "warning: apt-get could not install ${missing[*]}"
  else
    echo "warning: missing Debian packages (${missing[*]}); run as root or install them"
  fi
fi

# PostgreSQL clusters an earlier, killed run left behind: only the test fixture's own (its marker file names the
# owning test host's PID; a live owner means another run is using it). SIGQUIT is PostgreSQL's immediate shutdown.
for marker in /tmp/tessera-pg-*/tessera-test-cluster /tmp/tessera-run.*/tessera-pg-*/tessera-test-cluster; do
  [ -f "$marker" ] || continue
  dir=$(dirname "$marker")
  owner=$(head -n 1 "$marker")
  if [ -n "$owner" ] && kill -0 "$owner" 2>/dev/null; then continue; fi
  pid=$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null)
  if [ -n "$pid" ] && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$dir/data"; then
    kill -QUIT "$pid" 2>/dev/null
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  fi
  rm -rf "$dir"
done

# SQLite test databases of earlier runs: each test host writes to /tmp/tessera-tests/<its PID> and removes it on
# exit; a killed one leaves it behind. Remove every folder whose PID no longer runs (a live one is another run's).
remove_dead_sqlite_folders() {
  local dir pid
  for dir in "${TMPDIR:-/tmp}"/tessera-tests/*/; do
    [ -d "$dir" ] || continue
    pid=$(basename "$dir")
    case "$pid" in ''|*[!0-9]*) continue ;; esac
    kill -0 "$pid" 2>/dev/null && continue
    rm -rf "$dir"
  done
  # Loose files are from before the per-run folders.
  rm -f "${TMPDIR:-/tmp}"/tessera-tests/*.db "${TMPDIR:-/tmp}"/tessera-tests/*.db-wal "${TMPDIR:-/tmp}"/tessera-tests/*.db-shm
  rmdir "${TMPDIR:-/tmp}/tessera-tests" 2>/dev/null || true
}
remove_dead_sqlite_folders

# Everything the tests write to the temp folder (SQLite files, clusters, CLI and hook folders, browser profiles) goes
# under one folder per run, removed at the end; a killed run's folder (its owner PID gone) is removed by the next.
for dir in /tmp/tessera-run.*/; do
  [ -d "$dir" ] || continue
  owner=$(head -n 1 "$dir/owner" 2>/dev/null)
  if [ -n "$owner" ] && kill -0 "$owner" 2>/dev/null; then continue; fi
  rm -rf "$dir"
done
run_tmp=$(mktemp -d /tmp/tessera-run.XXXXXX)
chmod 755 "$run_tmp"   # the PostgreSQL fixture's clusters run as the postgres user beneath it
echo $$ >"$run_tmp/owner"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
passed=0
failed=0
log=$(mktemp -d)
# The logs are read before the script ends; nothing of them stays in /tmp.
# The clusters' watchdogs stop them once their test host has gone; give them a moment, then remove the run's folder.
trap 'rm -rf "$log"; sleep 1; rm -rf "$run_tmp"' EXIT

if ! dotnet build Tessera.sln -c Release 2>&1 | tee "$log/build.txt" | grep -E "error|Build succeeded" ; then :; fi
if ! grep -q "Build succeeded" "$log/build.txt"; then
  echo "The build failed."
  echo "0 passed, 1 failed"
  exit 1
fi

# The npm peers the .NET tests start, each installed exactly from its package-lock.json before the .NET tests run.
# Without npm, or when an install fails, the tests that need it fail (they never skip) and the failure is shown here.
install_peer() { # <folder> <what it is and which tests need it> [build command]
  echo "== $1 (npm ci${3:+ + $3})"
  if ! command -v npm >/dev/null 2>&1; then
    echo "ERROR: npm not found: $2 cannot be installed, so its tests will fail."
    failed=$((failed + 1))
  elif ! (cd "$1" && npm ci --no-audit --no-fund && ${3:-true}) >"$log/$(basename "$1").txt" 2>&1; then
    echo "ERROR: $2 ($1) did not install, so its tests will fail:"
    tail -n 40 "$log/$(basename "$1").txt"
    failed=$((failed + 1))
  fi
}
# The Ory Elements app that ElementsJourneyTests serves and drives; the stale dist/ is removed first so the journey can
# never run against an older build.
rm -rf tests/ui-elements/dist
install_peer tests/ui-elements "the Ory Elements app (ElementsJourneyTests)" "npx --no-install vite build"
# The OpenID provider the social sign-in tests start (OidcProviderProcess, npm oidc-provider).
install_peer tests/oidc-provider "the OpenID provider fixture (Oidc* tests)"
# The openid-client relying party that OidcRelyingPartyTests runs.
install_peer tests/oidc-rp "the openid-client relying party (OidcRelyingPartyTests)"

# Every error id and UI message id the test servers emit is appended here by each test process (tests/*/Fixtures/
# EmittedIdsRecorder), by the servers they spawn and by those the node tests start (the same recorder, loaded by the
# startup hook Fixtures/StartupHook);
# the catalog-alive check below reads it once every project has run.
emitted="$log/emitted-ids.txt"
: >"$emitted"

for project in tests/Tessera.Tests tests/Tessera.IntegrationTests; do
  name=$(basename "$project")
  echo "== $name"
  TESSERA_EMITTED_IDS=$emitted TMPDIR=$run_tmp dotnet test "$project" -c Release --no-build --results-directory "$log" \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" >"$log/$name.txt" 2>&1
  # Show failures with their messages; passing tests stay quiet.
  grep -E -A 12 "^\s+Failed " "$log/$name.txt" | head -n 400 || true
  counters=$(grep -o '<Counters [^>]*>' "$log/$name.trx" 2>/dev/null | head -n 1)
  if [ -z "$counters" ]; then
    echo "$name: no test results (the build or the test host failed):"
    tail -n 30 "$log/$name.txt"
    failed=$((failed + 1))
    continue
  fi
  p=$(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")
  f=$(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")
  e=$(sed -E 's/.* error="([0-9]+)".*/\1/' <<<"$counters")
  echo "$name: $p passed, $f failed"
  passed=$((passed + p))
  failed=$((failed + f + e))
done

# Ory's published SDK, unchanged, against the Release build (tests/node).
echo "== node (@ory/client)"
if command -v npm >/dev/null 2>&1; then
  if (cd tests/node && npm ci --no-audit --no-fund >"$log/npm.txt" 2>&1); then
    # The servers it starts record the ids they emit for the catalog-alive check, by the integration tests' startup
    # hook (StartupHook, which starts EmittedIdsRecorder), which .NET loads into each `dotnet tessera.dll serve` the SDK tests spawn.
    (cd tests/node && TMPDIR=$run_tmp TESSERA_DLL="$PWD/../../src/Tessera/bin/Release/net10.0/tessera.dll" \
      TESSERA_EMITTED_IDS=$emitted DOTNET_STARTUP_HOOKS="$PWD/../Tessera.IntegrationTests/bin/Release/net10.0/Tessera.IntegrationTests.dll" \
      node --test >"$log/node.txt" 2>&1)
    grep -E "^not ok|^# (pass|fail)" "$log/node.txt" || true
    np=$(sed -nE 's/^# pass ([0-9]+)$/\1/p' "$log/node.txt" | tail -n 1)
    nf=$(sed -nE 's/^# fail ([0-9]+)$/\1/p' "$log/node.txt" | tail -n 1)
    if [ -z "$np" ]; then
      echo "node: no test results"; tail -n 30 "$log/node.txt"; failed=$((failed + 1))
    else
      passed=$((passed + np)); failed=$((failed + ${nf:-0}))
      [ "${nf:-0}" -eq 0 ] || grep -A 20 "^not ok" "$log/node.txt" | head -n 80
    fi
  else
    echo "npm ci failed:"; tail -n 20 "$log/npm.txt"; failed=$((failed + 1))
  fi
else
  echo "node/npm not found: the SDK compatibility tests did not run"; failed=$((failed + 1))
fi

# The catalog is alive (issue 22): every catalog entry was emitted by some test above, as its error id or as a UI
# message id that stands for it on a flow (`tessera errors --ids` lists both). Counted as one test; names what is missing.
echo "== catalog alive (every catalog id emitted by some test)"
if ids=$(dotnet src/Tessera/bin/Release/net10.0/tessera.dll errors --ids 2>"$log/ids.txt") && [ -n "$ids" ]; then
  missing=$(awk 'NR == FNR { seen[$0] = 1; next }
    { if (("error " $1) in seen) next; for (i = 2; i <= NF; i++) if (("ui_message " $i) in seen) next; print $1 }' \
    "$emitted" <(printf '%s\n' "$ids"))
  unexpected=$(sed '/^$/d' <<<"$missing")
  if [ -z "$unexpected" ]; then
    echo "catalog alive: $(wc -l <<<"$ids") catalog ids; every one emitted by some test"
    passed=$((passed + 1))
  else
    echo "FAILED catalog alive: catalog ids no test emitted (emit them in a test, or remove the entry):"
    sed 's/^/  /' <<<"$unexpected"
    failed=$((failed + 1))
  fi
else
  echo "FAILED catalog alive: tessera errors --ids did not run:"; tail -n 20 "$log/ids.txt"
  failed=$((failed + 1))
fi

remove_dead_sqlite_folders

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
