#!/usr/bin/env bash
# One command for the production stack on this machine (docs/production.md): PostgreSQL
# and Redis must be running (their URLs in .prod.env); this installs what is missing,
# migrates, and starts the Procfile with honcho: granian workers, job worker(s), Caddy.
#   scripts/prod.sh                 # or: make prod
#   HEKA_JOB_WORKERS=2 scripts/prod.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh prod
source scripts/env.sh
ENV_FILE="${HEKA_ENV_FILE:-.prod.env}"
if [ ! -f "$ENV_FILE" ]; then
  secret="$(python -c 'import secrets; print(secrets.token_urlsafe(48))')"
  sed "s/^HEKA_SECRET_KEY=.*/HEKA_SECRET_KEY=${secret}/" deploy/prod.env.example > "$ENV_FILE"
  chmod 600 "$ENV_FILE"
  echo "Wrote $ENV_FILE (a fresh secret key): check its database and Redis URLs."
fi
set -a
# shellcheck disable=SC1090
source "$ENV_FILE"
set +a
heka migrate
exec honcho -f deploy/Procfile -d . -e "$ENV_FILE" start -c "jobs=${HEKA_JOB_WORKERS:-1}"
