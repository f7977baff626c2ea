"""Languages of the portal: Finnish (primary), Swedish and English."""

from __future__ import annotations

from babel import negotiate_locale

LANGUAGES: tuple[str, ...] = ("fi", "sv", "en")
DEFAULT_LANGUAGE = "fi"
LANGUAGE_NAMES = {"fi": "Suomi", "sv": "Svenska", "en": "English"}
BABEL_LOCALES = {"fi": "fi_FI", "sv": "sv_FI", "en": "en"}


def N_(msgid: str) -> str:  # noqa: N802 - the gettext convention pybabel extracts
    """Mark a msgid for extraction without translating it here."""
    return msgid


def coerce_language(value: str | None) -> str:
    """A supported language code, falling back to Finnish for anything else."""
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def negotiate_language(accept_language: str | None) -> str:
    """Pick fi/sv/en from an Accept-Language header, honouring q-values.

    Args:
        accept_language: The raw header, e.g. ``"sv-FI,sv;q=0.9,en;q=0.8"``.

    Returns:
        The best supported language, Finnish when nothing matches.
    """
    preferred: list[tuple[float, int, str]] = []
    for index, part in enumerate((accept_language or "").split(",")):
        pieces = part.strip().split(";")
        tag = pieces[0].strip()
        if not tag:
            continue
        quality = 1.0
        for param in pieces[1:]:
            key, _, value = param.strip().partition("=")
            if key == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if quality > 0:
            preferred.append((-quality, index, tag.replace("-", "_")))
    ordered = [tag for _, _, tag in sorted(preferred)]
    # Try each tag and its bare language ("sv_FI" -> "sv") in preference order.
    expanded = []
    for tag in ordered:
        expanded.extend([tag, tag.split("_")[0]])
    return coerce_language(negotiate_locale(expanded, list(LANGUAGES), sep="_"))


def reader_language(cookie: str | None, accept_language: str | None) -> str:
    """The reader's language: the language cookie when it names one, else the browser's
    (SessionState.init_language, and the page served_language.py sends, agree on it)."""
    return cookie if cookie in LANGUAGES else negotiate_language(accept_language)
