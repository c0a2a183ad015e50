#!/usr/bin/env bash
# Runs every benchmark; results go to stdout as Markdown tables for the README.
set -euo pipefail
cd "$(dirname "$0")/.."
npx tsx bench/policy.ts
npx tsx bench/api.ts
npx tsx bench/list-users.ts
