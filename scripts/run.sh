#!/usr/bin/env bash
# Set up (if needed) and run the portal with demo data on SQLite at http://localhost:3000.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh app
source scripts/env.sh
heka migrate
heka demo-data --if-empty
exec reflex run --env prod --backend-host "${HEKA_BIND_HOST:-127.0.0.1}" --frontend-port 3000
