#!/usr/bin/env bash
# Lighthouse over the main pages of a production build: mobile (simulated throttling; the
# browser in English as Lighthouse's is, and in Finnish) and desktop, median of 3 runs each,
# written to artifacts/lighthouse-{mobile,mobile-fi,desktop}.md and
# printed. A report, not a test: CI (.ci/run) prints it after the suite.
# Serves the app with demo data from a throwaway SQLite database on $HEKA_LIGHTHOUSE_PORT.
# Usage: scripts/lighthouse.sh [--runs N]   (needs scripts/setup.sh test once)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
PORT="${HEKA_LIGHTHOUSE_PORT:-3790}"
tmp="$(mktemp -d)"
export HEKA_DATABASE_URL="sqlite:///$tmp/lighthouse.db"
unset HEKA_REDIS_URL
heka migrate >/dev/null
heka demo-data --if-empty >/dev/null
setsid reflex run --env prod --backend-host 127.0.0.1 --frontend-port "$PORT" --backend-port "$PORT" \
  >"$tmp/app.log" 2>&1 &
app=$!
trap 'kill -- -"$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; rm -rf "$tmp"' EXIT INT TERM
for _ in $(seq 1 180); do
  curl -fs "http://127.0.0.1:$PORT/ping" >/dev/null 2>&1 && break
  kill -0 "$app" 2>/dev/null || { cat "$tmp/app.log"; exit 1; }
  sleep 1
done
echo "== uptime: $(uptime)"
python benchmarks/lighthouse_report.py --base "http://127.0.0.1:$PORT" \
  --out artifacts/lighthouse-mobile.md "$@"
# The same phone in Finnish, the language most tenants' browsers ask for: Lighthouse's own
# Chrome asks for English, which re-renders the Finnish prerendered page once the state says so.
python benchmarks/lighthouse_report.py --base "http://127.0.0.1:$PORT" --language fi-FI \
  --out artifacts/lighthouse-mobile-fi.md "$@"
python benchmarks/lighthouse_report.py --base "http://127.0.0.1:$PORT" --desktop \
  --out artifacts/lighthouse-desktop.md "$@"
cat artifacts/lighthouse-mobile.md artifacts/lighthouse-mobile-fi.md artifacts/lighthouse-desktop.md
