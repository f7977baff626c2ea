"""The language keepers (components/html_lang.py, catalog_group.py: components of
assets/heka_lang.js) and the slip's catalog hook (components/catalog_hooks.py): hidden
while a language's table loads, re-rendered once it is there, never hiding the page for
a slip's language."""

from __future__ import annotations

from heka_app.components.catalog_group import catalog_group
from heka_app.components.first_paint import PENDING_CLASS
from heka_app.components.html_lang import catalog_for, html_lang
from heka_app.settings import PROJECT_ROOT
from heka_app.state.session import SessionState
from heka_app.state.staff import RegistrationCodeState

SCRIPT = (PROJECT_ROOT / "assets" / "heka_lang.js").read_text(encoding="utf-8")


def _hook(component) -> str:
    return "\n".join(str(h) for h in component._get_all_hooks())


def test_the_language_keeper_hides_loads_rerenders_and_shows():
    rendered = html_lang().render()
    assert rendered["name"] == "HekaHtmlLang"
    # It reads the session state's language, where the browser's store keeps it.
    assert f'state:"{SessionState.get_full_name()}"' in rendered["props"]
    field = str(SessionState.lang).rsplit(".", 1)[1]
    assert f'field:"{field}"' in rendered["props"]
    load = SCRIPT[SCRIPT.index("function loadTables(") :]
    hide = load.index("root.classList.add(pendingClass)")
    fetch = load.index("hekaLoadCatalog(lang)")
    rerender = load.index("dispatch[state]?.({ heka_catalog_rx_state_: lang })")
    show = load.index("setTimeout(show, 0)")
    assert hide < fetch < rerender < show
    assert ".catch(show)" in load  # a failed chunk must not leave the page hidden
    assert "root.lang = lang" in SCRIPT


def test_a_slips_language_loads_without_hiding_the_page():
    state = RegistrationCodeState
    hook = _hook(catalog_for(state.slip_language, state))
    assert f"heka_catalog_dispatch[{state.get_full_name()!r}]" in hook
    assert PENDING_CLASS not in hook


def test_the_keepers_put_no_hook_in_the_page():
    # Their hooks used to sit in the page component: a language change re-rendered it all.
    for component in (html_lang(), catalog_group("staff")):
        assert _hook(component) == ""
