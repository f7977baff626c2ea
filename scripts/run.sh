#!/usr/bin/env bash
# Set up (if needed) and run the portal with demo data on SQLite at http://localhost:3000.
# In dev it also starts the local identification broker (devtools/oidc-provider, port 3900);
# mails land as .eml files in dev_mail/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh app
source scripts/env.sh
heka migrate
heka demo-data --if-empty
if [ "${HEKA_ENV:-dev}" = "dev" ]; then
  OIDC_ALLOW_ANY_LOOPBACK_PORT=1 scripts/oidc_provider.sh &
  broker=$!
  trap 'kill "$broker" 2>/dev/null || true' EXIT INT TERM
fi
reflex run --env prod --backend-host "${HEKA_BIND_HOST:-127.0.0.1}" --frontend-port 3000
