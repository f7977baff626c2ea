#!/usr/bin/env bash
# Set up (if needed) and run the portal with demo data on SQLite at http://localhost:3000.
# Next to the app it runs the background job worker (`heka worker`: mail, housekeeping) and,
# in dev, the local identification broker (devtools/oidc-provider, port 3900); mails land
# as .eml files in dev_mail/. Both are stopped when the app exits.
# `scripts/run.sh --dev` (make dev) runs the same with hot reload instead of a prod build.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh app
source scripts/env.sh
heka migrate
heka demo-data --if-empty
heka worker &
background=("$!")
trap 'kill "${background[@]}" 2>/dev/null || true' EXIT INT TERM
if [ "${HEKA_ENV:-dev}" = "dev" ]; then
  OIDC_ALLOW_ANY_LOOPBACK_PORT=1 scripts/oidc_provider.sh &
  background+=("$!")
fi
if [ "${1:-}" = "--dev" ]; then
  # `make dev`: hot reload of Python changes (frontend 3000, backend 8000). The disk state
  # manager keeps each tab's state across a reload; Reflex reads this over rxconfig's
  # in-memory choice. The worker is not reloaded: restart `make dev` after changing a job.
  export REFLEX_STATE_MANAGER_MODE=disk
  reflex run --env dev --backend-host "${HEKA_BIND_HOST:-127.0.0.1}" \
    --frontend-port 3000 --backend-port 8000
else
  reflex run --env prod --backend-host "${HEKA_BIND_HOST:-127.0.0.1}" --frontend-port 3000
fi
