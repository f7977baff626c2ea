#!/usr/bin/env bash
# Installs what is missing for the portal (idempotent, quick the second time):
# venv + Python packages, bun (from the npm registry), database migrations, demo data.
# Usage: scripts/setup.sh [app|test|load|prod]
set -euo pipefail
cd "$(dirname "$0")/.."
MODE="${1:-app}"
STAMPS=.stamps
mkdir -p "$STAMPS"

if [ ! -x .venv/bin/python ]; then
  echo "== Creating .venv"
  python3.11 -m venv .venv
fi

extras="postgres"
[ "$MODE" = "test" ] && extras="postgres,test,load,prod"
[ "$MODE" = "load" ] && extras="postgres,load,prod"
[ "$MODE" = "prod" ] && extras="postgres,prod"
want="$(sha256sum pyproject.toml | cut -c1-16)-$extras"
if [ "$(cat "$STAMPS/pip" 2>/dev/null)" != "$want" ]; then
  echo "== Installing Python packages ($extras)"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[$extras]"
  echo "$want" > "$STAMPS/pip"
fi

# Reflex downloads bun from a site we cannot reach; the npm registry has it.
if [ ! -x devtools/bun/node_modules/.bin/bun ]; then
  echo "== Installing bun from the npm registry"
  npm install --silent --no-audit --no-fund --prefix devtools/bun >/dev/null
fi

# Lighthouse (benchmarks/lighthouse_report.py, tests/e2e/test_bundle_budget.py), local
# to devtools/lighthouse: nothing installed globally.
if [ "$MODE" = "test" ] && [ ! -x devtools/lighthouse/node_modules/.bin/lighthouse ]; then
  echo "== Installing Lighthouse from the npm registry"
  npm install --silent --no-audit --no-fund --prefix devtools/lighthouse >/dev/null
fi

if [ "$MODE" = "test" ] && [ ! -x /usr/bin/chromium ]; then
  echo "== Installing Debian Chromium for the browser tests"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium >/dev/null
fi
