#!/usr/bin/env bash
# `npm test`: lint, typecheck, unit, integration and end-to-end tests, with the time of each stage.
# Needs PostgreSQL on 127.0.0.1:5432 and the Kafka jars (npm run setup); starts the local broker if it is down.
set -euo pipefail
cd "$(dirname "$0")/.."

E2E_DATABASE_URL="postgresql://postgres@127.0.0.1:5432/flowdeck_e2e"
declare -a summary=()
total_start=$SECONDS

stage() {
  local name=$1; shift
  local start=$SECONDS
  echo ""
  echo "=== $name ==="
  if "$@"; then
    summary+=("$(printf '%-12s ok      %4ds' "$name" $((SECONDS - start)))")
  else
    summary+=("$(printf '%-12s FAILED  %4ds' "$name" $((SECONDS - start)))")
    print_summary
    echo "npm test: FAILED at stage $name"
    exit 1
  fi
}

print_summary() {
  echo ""
  echo "=== stages ==="
  printf '%s\n' "${summary[@]}"
  echo "total        $((SECONDS - total_start))s"
}

prepare_e2e() {
  DATABASE_URL=$E2E_DATABASE_URL node scripts/db/ensure-database.mjs --fresh &&
    DATABASE_URL=$E2E_DATABASE_URL npx prisma migrate deploy
}

stage services bash scripts/kafka/start.sh
stage generate npx prisma generate
stage lint npx eslint --max-warnings=0 .
stage typecheck npx tsc --noEmit
stage unit npx vitest run --project unit
stage integration npx vitest run --project integration
stage build npx next build
stage e2e-db prepare_e2e
stage e2e npx playwright test
print_summary
echo "npm test: OK"
