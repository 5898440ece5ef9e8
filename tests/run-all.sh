#!/usr/bin/env bash
# The whole test suite, as CI runs it: typecheck, lint, unit and simulation tests, browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p tests/results
[ -d node_modules ] || npm install --no-audit --no-fund

echo "== typecheck"; npm run -s typecheck
echo "== lint"; npm run -s lint
echo "== unit and simulation tests"
bash tests/ensure-openssl.sh
unit_rc=0
npx vitest run --reporter=default --reporter=json --outputFile.json=tests/results/vitest.json || unit_rc=$?
echo "== browser tests"
bash tests/e2e/ensure-chromium.sh
e2e_rc=0
npm run -s test:e2e || e2e_rc=$?
node tests/summary.mjs tests/results/vitest.json tests/results/e2e.json
[ "$unit_rc" = 0 ] && [ "$e2e_rc" = 0 ]
