"""Who is using this browser tab and in which language.

The language is a cookie (remembered per browser, readable over HTTP); the first visit
follows the browser's Accept-Language.
"""

from __future__ import annotations

import reflex as rx

from heka_app.i18n import LANGUAGES, coerce_language, negotiate_language

LANGUAGE_COOKIE_MAX_AGE = 365 * 24 * 3600


class SessionState(rx.State):
    """The one small session state every feature state reaches with ``get_state``."""

    lang_cookie: str = rx.Cookie(
        "", name="heka_lang", max_age=LANGUAGE_COOKIE_MAX_AGE, same_site="lax"
    )

    @rx.var
    def lang(self) -> str:
        """The UI language; Finnish until the browser's choice is known."""
        return coerce_language(self.lang_cookie)

    @rx.event
    def set_language(self, language: str):
        """Switch the UI language (no reload). Public: touches no tenant data."""
        if isinstance(language, str) and language in LANGUAGES:
            self.lang_cookie = language

    @rx.event
    def init_language(self):
        """On first visit, take the language from Accept-Language. Public: no tenant data."""
        if self.lang_cookie not in LANGUAGES:
            self.lang_cookie = negotiate_language(self.router.headers.accept_language)
