#!/usr/bin/env bash
# The Procfile's web process: the app's production build, HEKA_WORKERS granian workers on
# HEKA_APP_PORT, bound to loopback (only Caddy reaches it). Reflex 0.10 forks the workers
# from one supervisor that imported the app (their start-up heap is shared and frozen).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
# The browser reaches the backend through the proxy: the build's event/upload URLs must be
# the public address (wss://...), not the loopback port the workers listen on.
export REFLEX_API_URL="${REFLEX_API_URL:-${HEKA_PUBLIC_BASE_URL:?set HEKA_PUBLIC_BASE_URL}}"
export REFLEX_DEPLOY_URL="${REFLEX_DEPLOY_URL:-$HEKA_PUBLIC_BASE_URL}"
export REFLEX_USE_GRANIAN=true
export GRANIAN_WORKERS="${HEKA_WORKERS:-2}"
exec reflex run --env prod --backend-host "${HEKA_BIND_HOST:-127.0.0.1}" \
  --frontend-port "${HEKA_APP_PORT:-3153}"
