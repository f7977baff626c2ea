#!/usr/bin/env bash
# Install what the tests need (Chromium included) and run lint + the whole suite.
# HEKA_DATABASE_URL / HEKA_REDIS_URL select PostgreSQL / Redis instead of SQLite / memory.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
source scripts/env.sh
ruff check .
ruff format --check .
codespell
mypy heka_app/services
set +e
pytest "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests: that is a failure here" >&2
  exit 1
fi
exit "$status"
