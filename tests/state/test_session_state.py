"""SessionState handlers on real state objects: language switch and first-visit choice."""

from __future__ import annotations

import pytest
import reflex as rx

import heka_app.heka_app  # noqa: F401
from heka_app.state.session import SessionState


def _session_state() -> SessionState:
    root = rx.State(_reflex_internal_init=True)
    return root.get_substate(SessionState.get_full_name().split(".")[1:])


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_set_language_accepts_supported_codes(language):
    state = _session_state()
    state.set_language(language)
    assert state.lang == language


@pytest.mark.parametrize("bad", ["de", "", "FI", None, 3, ["en"], "en; drop"])
def test_set_language_ignores_anything_else(bad):
    state = _session_state()
    state.set_language("sv")
    state.set_language(bad)
    assert state.lang == "sv"


def test_language_defaults_to_finnish_before_a_choice():
    assert _session_state().lang == "fi"
