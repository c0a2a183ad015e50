#!/usr/bin/env bash
# Runs every benchmark; results go to stdout as Markdown tables for the README.
# WARD_BENCH_ONLY=policy|api|gateway|list-users|mixed (comma-separated) runs only those.
set -euo pipefail
cd "$(dirname "$0")/.."
only=",${WARD_BENCH_ONLY:-policy,api,gateway,list-users,mixed},"
for bench in policy api gateway list-users mixed; do
  case "$only" in
    *",$bench,"*) npx tsx "bench/$bench.ts" ;;
  esac
done
