#!/usr/bin/env bash
# Re-extract UI strings and merge them into the fi/sv/en catalogs.
set -euo pipefail
cd "$(dirname "$0")/.."
LOCALES=heka_app/i18n/locales
# Keywords (t, tn, N_, gettext) are listed in babel.cfg.
.venv/bin/pybabel extract -F babel.cfg \
  --no-location --sort-output --omit-header -o "$LOCALES/messages.pot" .
.venv/bin/pybabel update -i "$LOCALES/messages.pot" -d "$LOCALES" --no-fuzzy-matching --ignore-obsolete
# Strings only one route group shows: their own tables (heka_app/pages/catalog_groups.py).
.venv/bin/python -m heka_app.pages.catalog_groups
