#!/usr/bin/env bash
# `npm run setup`: everything a fresh machine needs to run Flowdeck against the local stack. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { echo "setup: $*"; }
fail() { echo "setup: FAILED: $*" >&2; exit 1; }

node_version=$(node -p 'process.versions.node' 2>/dev/null) || fail "Node.js 20.19+ is not installed"
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
  || fail "Node.js $node_version is too old; Flowdeck needs 20.19 or newer"
command -v java >/dev/null || fail "Java 17+ is not installed (the local Kafka broker runs on it): apt-get install openjdk-17-jre-headless"
command -v mvn >/dev/null || [[ -n "${KAFKA_HOME:-}" ]] || fail "Maven is not installed (it fetches Kafka's jars): apt-get install maven, or set KAFKA_HOME"

bash scripts/ensure-env.sh

if [[ ! -d node_modules ]] || ! cmp -s package-lock.json node_modules/.package-lock.json; then
  say "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
fi

# Postgres: start the local cluster if it is installed but stopped (Debian's pg_ctlcluster).
if ! (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; then
  if command -v pg_ctlcluster >/dev/null && [[ $(id -u) == 0 ]]; then
    say "starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n1)" main start
  fi
fi

# Chromium runs the browser tests; Playwright cannot download its own here.
if [[ ! -x /usr/bin/chromium ]]; then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    say "installing Debian's chromium for the browser tests"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || say "could not install chromium; the browser tests need /usr/bin/chromium (apt-get install chromium)"
  else
    say "Chromium not found: the browser tests need /usr/bin/chromium (as root: apt-get install chromium)"
  fi
fi

bash scripts/kafka/fetch.sh
bash scripts/kafka/start.sh
node scripts/db/ensure-database.mjs
npx prisma migrate deploy
npx prisma generate
say "building the console (next build)"
npx next build
say "OK: ready; 'npm start' runs the console (http://127.0.0.1:3000 unless PORT says otherwise)"
