#!/usr/bin/env bash
# `npm test`: lint and type-check, unit tests, integration tests on embedded PostgreSQL (and on
# Debian's PostgreSQL 15 in CI), then end-to-end tests in Chromium. Fails if any step fails, and
# ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results
rm -f test-results/*.json

bash scripts/install-test-deps.sh || exit 1

status=0
step() {
  local name="$1"
  shift
  echo ""
  echo "━━━ $name"
  if ! "$@"; then
    echo "✗ $name failed"
    status=1
  fi
}

step "lint and type-check" npm run --silent check
step "unit tests" npx vitest run --project unit --reporter=default --reporter=json --outputFile.json=test-results/unit.json
step "integration tests (embedded PostgreSQL)" npx vitest run --project integration \
  --reporter=default --reporter=json --outputFile.json=test-results/integration-embedded.json

if [ "${CI:-}" = "true" ] || [ "${KHUYENCONG_TEST_PG15:-}" = "1" ]; then
  if url=$(bash scripts/pg15.sh start); then
    step "integration tests (PostgreSQL 15)" env KHUYENCONG_TEST_DATABASE_URL="$url" npx vitest run --project integration \
      --reporter=default --reporter=json --outputFile.json=test-results/integration-pg15.json
    bash scripts/pg15.sh stop
  else
    echo "✗ could not start PostgreSQL 15"
    status=1
  fi
fi

step "build the web app" env KHUYENCONG_FORCE_BUILD=1 node scripts/build-web.mjs
step "front-end budget (quality.md P6)" node scripts/check-web-budget.mjs
step "end-to-end tests (Chromium)" npx playwright test -c e2e/playwright.config.ts

node scripts/test-summary.mjs || status=1
exit $status
