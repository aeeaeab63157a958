#!/usr/bin/env bash
# Creates .env from .env.example when it is missing, and gives it a random FLOWDECK_AUTH_SECRET when it
# has none: the secret signs session cookies, so it is made on each machine and never shipped. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ ! -f .env ]]; then
  cp .env.example .env
  echo "env: created .env from .env.example"
fi
if ! grep -q '^FLOWDECK_AUTH_SECRET=.\+' .env; then
  secret=$(node -e 'process.stdout.write(require("node:crypto").randomBytes(48).toString("base64url"))')
  printf '\n# Made by scripts/ensure-env.sh for this machine; keep it secret, keep it stable (changing it signs everyone out).\nFLOWDECK_AUTH_SECRET=%s\n' "$secret" >> .env
  echo "env: wrote a new FLOWDECK_AUTH_SECRET to .env"
fi
