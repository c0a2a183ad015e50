#!/usr/bin/env bash
# The whole test suite: type-check, then every unit and end-to-end test.
# Ends with the plain "N passed, N failed" line CI reads.
set -uo pipefail
cd "$(dirname "$0")/.."

if ! npx tsc -p tsconfig.json --noEmit; then
  echo "type check failed"
  echo "0 passed, 1 failed"
  exit 1
fi

results=$(mktemp)
npx vitest run --reporter=default --reporter=json --outputFile="$results" "$@"
code=$?
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const skipped = r.numPendingTests + (r.numTodoTests ?? 0);
  // A test file that fails to load has no failed tests in it, but it is a failure all the same.
  const brokenFiles = r.testResults.filter((f) => f.status === "failed" && !f.assertionResults.some((a) => a.status === "failed")).length;
  const failed = r.numFailedTests + brokenFiles;
  console.log(`${r.numPassedTests} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
' "$results" || echo "0 passed, 1 failed"
rm -f "$results"
exit $code
