#!/usr/bin/env bash
# Re-extract UI strings and merge them into the fi/sv/en catalogs.
set -euo pipefail
cd "$(dirname "$0")/.."
LOCALES=heka_app/i18n/locales
.venv/bin/pybabel extract -F babel.cfg -k t -k tn:1,2 -k N_ -k gettext:2 \
  --no-location --sort-output --omit-header -o "$LOCALES/messages.pot" .
.venv/bin/pybabel update -i "$LOCALES/messages.pot" -d "$LOCALES" --no-fuzzy-matching --ignore-obsolete
