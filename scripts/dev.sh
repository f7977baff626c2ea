#!/usr/bin/env bash
# `make dev`: what `make run` does (setup, migrations, demo data if empty, job worker, local
# identification broker, mails into dev_mail/), but with `reflex run --env dev`: hot reload
# for Python changes, frontend http://localhost:3000, backend on port 8000.
set -euo pipefail
exec "$(dirname "$0")/run.sh" --dev
