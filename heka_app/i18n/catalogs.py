"""The gettext catalogs (``locales/<lang>/LC_MESSAGES/messages.po``) read with Babel.

Catalogs are read from the ``.po`` sources directly (fuzzy entries skipped), so there is
no compile step to forget; ``pybabel compile`` still works for tools that want ``.mo``.
"""

from __future__ import annotations

import functools
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from heka_app.i18n import coerce_language

LOCALES_DIR = Path(__file__).resolve().parent / "locales"
POT_FILE = LOCALES_DIR / "messages.pot"


def po_path(language: str) -> Path:
    """Path of a language's ``.po`` file."""
    return LOCALES_DIR / language / "LC_MESSAGES" / "messages.po"


@functools.cache
def load_catalog(language: str) -> Catalog:
    """The parsed catalog of one language (cached for the process)."""
    with po_path(language).open("rb") as fh:
        return read_po(fh, locale=language)


@functools.cache
def translations(language: str) -> dict[str, str | tuple[str, ...]]:
    """``msgid -> msgstr`` (plural entries: tuple of forms), untranslated/fuzzy left out.

    Cached per process like the catalog it is read from: every server-side text goes
    through here, and walking the catalog on each call cost ~0.2 ms per string.
    Callers must not change the returned dict."""
    table: dict[str, str | tuple[str, ...]] = {}
    for message in load_catalog(language):
        if not message.id or message.fuzzy:
            continue
        key = message.id[0] if isinstance(message.id, tuple | list) else message.id
        if isinstance(message.string, tuple | list):
            if all(message.string):
                table[key] = tuple(message.string)
        elif message.string:
            table[key] = message.string
    return table


def gettext(language: str, msgid: str, **params: object) -> str:
    """Translate server-made text (toasts, mails, validation) and fill ``{name}`` params."""
    found = translations(coerce_language(language)).get(msgid, msgid)
    text = found[0] if isinstance(found, tuple) else found
    return text.format(**params) if params else text


def plural_expression(language: str) -> str:
    """The catalog's plural formula, e.g. ``(n != 1)``, valid in Python and JavaScript."""
    return load_catalog(language).plural_expr
