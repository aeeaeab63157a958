#!/usr/bin/env bash
# `npm run quickstart`: set up the local stack (npm run setup), then run the console (npm start).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec node scripts/start.mjs
