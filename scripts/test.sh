#!/usr/bin/env bash
# The whole test suite: preflight, type-check, lint, then every unit and end-to-end test on SQLite, then
# the end-to-end suites (test/) again against a throwaway PostgreSQL server.
# Ends with the plain "N passed, N failed" line CI reads (both passes added up).
# WARD_TEST_SKIP_POSTGRES=1 runs the SQLite pass only.
set -uo pipefail
cd "$(dirname "$0")/.."

# Everything the suites need (Node.js version, Chromium, PostgreSQL, the aws CLI, boto3) is
# checked, or installed as root, before anything runs.
if ! bash scripts/preflight.sh; then
  echo "0 passed, 1 failed"
  exit 1
fi

if ! npx tsc -p tsconfig.json --noEmit; then
  echo "type check failed"
  echo "0 passed, 1 failed"
  exit 1
fi

# eslint (type-aware rules: floating promises, exhaustive switches, ...) and prettier --check.
if ! npm run --silent lint; then
  echo "lint failed (npm run format fixes formatting)"
  echo "0 passed, 1 failed"
  exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/ward-test.XXXXXX")
pg_bin=""
pg_url=""
pg_data="$work/pg/data"

as_postgres() {
  if [ "$(id -u)" = 0 ]; then
    (cd "$work/pg" && runuser -u postgres -- "$@")
  else
    (cd "$work/pg" && "$@")
  fi
}

cleanup() {
  if [ -n "$pg_bin" ] && [ -f "$pg_data/postmaster.pid" ]; then
    as_postgres "$pg_bin/pg_ctl" stop -D "$pg_data" -m immediate -s >/dev/null 2>&1
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Starts PostgreSQL from Debian's binaries (the newest installed version) in $work/pg on a free
# loopback port and sets pg_url. Runs in this shell, not a subshell, so cleanup knows pg_bin.
start_postgres() {
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
    echo "PostgreSQL is not installed (Debian: apt-get install postgresql); .ci/run installs it" >&2
    return 1
  fi
  mkdir -p "$work/pg"
  if [ "$(id -u)" = 0 ]; then
    # initdb refuses to run as root.
    id postgres >/dev/null 2>&1 || { echo "no postgres OS user to run PostgreSQL as" >&2; return 1; }
    chown postgres "$work/pg"
    chmod 755 "$work"
  fi
  local port
  port=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
  as_postgres "$pg_bin/initdb" -D "$pg_data" -U postgres --auth=trust --no-locale -E UTF8 --no-sync >"$work/pg/initdb.log" 2>&1 ||
    { cat "$work/pg/initdb.log" >&2; return 1; }
  # Durability is of no use to a throwaway server: no fsync, no full-page writes.
  as_postgres "$pg_bin/pg_ctl" start -D "$pg_data" -w -t 60 -s -l "$work/pg/server.log" -o \
    "-c listen_addresses=127.0.0.1 -p $port -k $work/pg -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c shared_buffers=64MB" ||
    { cat "$work/pg/server.log" >&2; return 1; }
  pg_url="postgres://postgres@127.0.0.1:$port/postgres"
}

# Prints "passed failed skipped" for one vitest JSON report.
counts() {
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const skipped = r.numPendingTests + (r.numTodoTests ?? 0);
    // A test file that fails to load has no failed tests in it, but it is a failure all the same.
    const brokenFiles = r.testResults.filter((f) => f.status === "failed" && !f.assertionResults.some((a) => a.status === "failed")).length;
    // Vitest fails a run with an unhandled error even when every test passed; count it, so the
    // closing line never says "0 failed" for a run that failed.
    const failed = r.numFailedTests + brokenFiles;
    console.log(r.numPassedTests, failed === 0 && r.success === false ? 1 : failed, skipped);
  ' "$1" 2>/dev/null || echo "0 1 0"
}

echo "== pass 1: every test, SQLite store"
npx vitest run --reporter=default --reporter=json --outputFile="$work/sqlite.json" "$@"
code=$?
read -r passed failed skipped < <(counts "$work/sqlite.json")
echo "SQLite pass totals: passed=$passed failed=$failed skipped=$skipped"

if [ "${WARD_TEST_SKIP_POSTGRES:-}" != 1 ]; then
  echo "== pass 2: end-to-end suites (test/), PostgreSQL store"
  if start_postgres; then
    WARD_TEST_DATABASE_URL="$pg_url" npx vitest run test/ --passWithNoTests \
      --reporter=default --reporter=json --outputFile="$work/postgres.json" "$@"
    pg_code=$?
    read -r p f s < <(counts "$work/postgres.json")
    echo "PostgreSQL pass totals: passed=$p failed=$f skipped=$s"
  else
    echo "could not start PostgreSQL for the second pass"
    pg_code=1 p=0 f=1 s=0
  fi
  [ "$code" = 0 ] && code=$pg_code
  passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
fi

echo "$passed passed, $failed failed$([ "$skipped" != 0 ] && echo ", $skipped skipped")"
exit "$code"
