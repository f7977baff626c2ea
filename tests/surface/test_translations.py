"""The .pot is up to date and every msgid is translated (not fuzzy) in fi, sv and en."""

from __future__ import annotations

import subprocess
import sys

from babel.messages.pofile import read_po

from heka_app.i18n import LANGUAGES
from heka_app.i18n.catalogs import POT_FILE, po_path
from heka_app.settings import PROJECT_ROOT


def _ids(path) -> set[str]:
    with open(path, "rb") as fh:
        return {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(fh) if m.id}


def test_pot_is_up_to_date(tmp_path):
    fresh = tmp_path / "messages.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            "babel.cfg",
            "--no-location",
            "--omit-header",
            "-o",
            str(fresh),
            ".",
        ],  # keywords: babel.cfg
        cwd=PROJECT_ROOT,
        check=True,
        capture_output=True,
    )
    assert _ids(fresh) == _ids(POT_FILE), "run `make i18n` and translate the new strings"


def test_every_message_is_translated_in_every_language():
    wanted = _ids(POT_FILE)
    for lang in LANGUAGES:
        with open(po_path(lang), "rb") as fh:
            catalog = read_po(fh, locale=lang)
        done = {
            m.id if isinstance(m.id, str) else m.id[0]
            for m in catalog
            if m.id and not m.fuzzy and (all(m.string) if isinstance(m.string, tuple) else m.string)
        }
        assert wanted - done == set(), f"{lang}: untranslated or fuzzy"


def test_catalog_groups_are_up_to_date():
    """The route groups' own tables (i18n/js_catalog.py) follow the source: a string another
    page starts to use must leave its group, or that page would show the msgid."""
    from heka_app.i18n.js_catalog import CATALOG_GROUPS_FILE
    from heka_app.pages.catalog_groups import render_catalog_groups

    fresh = render_catalog_groups()
    assert CATALOG_GROUPS_FILE.read_text(encoding="utf-8") == fresh, "run `make i18n`"
