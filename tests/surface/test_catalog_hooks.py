"""The catalog hooks (components/catalog_hooks.py and its users): hidden while a language's
table loads, re-rendered once it is there, never hiding the page for a slip's language."""

from __future__ import annotations

import re

from heka_app.components.catalog_group import catalog_group
from heka_app.components.first_paint import PENDING_CLASS
from heka_app.components.html_lang import catalog_for, html_lang
from heka_app.state.session import SessionState
from heka_app.state.staff import RegistrationCodeState


def _hook(component) -> str:
    return "\n".join(str(h) for h in component._get_all_hooks())


def test_the_language_keeper_hides_loads_rerenders_and_shows():
    hook = _hook(html_lang())
    hide = hook.index(f"root.classList.add('{PENDING_CLASS}')")
    load = hook.index("hekaLoadCatalog(")
    rerender = hook.index(f"heka_dispatch[{SessionState.get_full_name()!r}]")
    show = hook.index("setTimeout(show, 0)")
    assert hide < load < rerender < show
    assert ".catch(show)" in hook  # a failed chunk must not leave the page hidden
    assert "root.lang = " in hook


def test_a_slips_language_loads_without_hiding_the_page():
    state = RegistrationCodeState
    hook = _hook(catalog_for(state.slip_language, state))
    assert f"heka_catalog_dispatch[{state.get_full_name()!r}]" in hook
    assert PENDING_CLASS not in hook


def test_hooks_one_page_renders_together_declare_different_names():
    # Reflex puts every hook of a page into one function: a name declared twice is a
    # SyntaxError that blanks the page.
    declared = []
    for component in (html_lang(), catalog_group("staff")):
        declared += re.findall(r"const (heka_\w+) = ", _hook(component))
    assert len(declared) == len(set(declared)) == 2
