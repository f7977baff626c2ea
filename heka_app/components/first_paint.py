"""First paint in the chosen language.

The pages are prerendered in Finnish; the browser only learns the chosen language when the
state arrives over the websocket (~200 ms). For a returning visitor whose ``heka_lang``
cookie says Swedish or English, this script (first in the page shell) hides the body
until the app renders in that language (html_lang.py lifts it), at most 1.5 s. Finnish
visitors and first visits (no cookie yet) are painted at once: their LCP is untouched.
In a production build the page is already served in the cookie's language
(served_language.py; ``data-heka-served``), so nothing is hidden; this covers the rest
(development, a build without the language pages).
"""

from __future__ import annotations

import reflex as rx

PENDING_CLASS = "heka-lang-pending"
MAX_HIDDEN_MS = 1500

FIRST_PAINT_SCRIPT = """
(function () {
  var m = document.cookie.match(/(?:^|; )heka_lang=(sv|en)(?:;|$)/);
  var root = document.documentElement;
  if (!m || root.dataset.hekaServed === m[1]) return;
  root.lang = m[1];
  root.dataset.hekaLang = m[1];
  root.classList.add("__PENDING__");
  setTimeout(function () {
    root.classList.remove("__PENDING__");
    delete root.dataset.hekaLang;
  }, __MAX__);
})();
""".replace("__PENDING__", PENDING_CLASS).replace("__MAX__", str(MAX_HIDDEN_MS))


def first_paint_script() -> rx.Component:
    """A plain ``<script>`` first in the page shell: it is in the prerendered HTML and runs
    while the page is parsed, before anything below it paints (the app's head components
    go through Helmet, which only renders after hydration: too late)."""
    return rx.el.script(FIRST_PAINT_SCRIPT)
