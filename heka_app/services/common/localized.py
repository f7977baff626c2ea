"""Values in every UI language, for the small cards that switch language without a reload.

Long lists (ledgers, threads, queues) are formatted in the session's language instead and
reloaded when it changes (see ``PageSpec.reload_on_language`` in pages/registry.py): three
copies of a long list would triple what every tab holds.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from heka_app.i18n import LANGUAGES

T = TypeVar("T")


def localized(render: Callable[[str], T]) -> dict[str, T]:
    """``{"fi": render("fi"), "sv": render("sv"), "en": render("en")}``."""
    return {lang: render(lang) for lang in LANGUAGES}
