"""Issue 15: a closed tab's in-memory state expires after the grace period, not after
Reflex's hour; an open tab, or one back within the grace, keeps its hour."""

from __future__ import annotations

import asyncio
import time

import pytest
import reflex as rx
from reflex.istate import manager as manager_module
from reflex.istate.manager import memory
from reflex.istate.manager.memory import StateManagerMemory
from reflex.istate.manager.token import BaseStateToken

from heka_app import closed_tab_states
from heka_app.closed_tab_states import ClosedTabTokenManager, grace_seconds

GRACE = 60


class _Later:
    """``time`` as seen by Reflex's expiry, ``seconds`` ahead."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    def time(self) -> float:
        return time.time() + self.seconds


@pytest.fixture
def states(monkeypatch):
    manager = StateManagerMemory()  # type: ignore[abstract]  # Reflex's overloads confuse mypy
    monkeypatch.setattr(manager_module, "get_state_manager", lambda: manager)
    monkeypatch.setenv("HEKA_CLOSED_TAB_STATE_SECONDS", str(GRACE))
    return manager


async def _open(states: StateManagerMemory, tokens, token: str, sid: str) -> None:
    await states.get_state(BaseStateToken(ident=token, cls=rx.State))
    await tokens.link_token_to_sid(token, sid)


def test_closed_tab_expires_after_grace_open_and_returned_tabs_keep_their_hour(states, monkeypatch):
    async def scenario() -> None:
        tokens = ClosedTabTokenManager()
        await _open(states, tokens, "closed", "sid-closed")
        await _open(states, tokens, "open", "sid-open")
        await _open(states, tokens, "returned", "sid-old")
        await tokens.disconnect_token("closed", "sid-closed")
        await tokens.disconnect_token("returned", "sid-old")
        assert states._token_expires_at["closed"][0] <= time.time() + GRACE
        await _open(states, tokens, "returned", "sid-new")  # back within the grace
        monkeypatch.setattr(memory, "time", _Later(GRACE + 1))
        states._purge_expired_tokens()
        assert "closed" not in states.states
        assert {"open", "returned"} <= set(states.states)
        await states.close()

    asyncio.run(scenario())


def test_a_deadline_is_never_pushed_later_and_zero_turns_it_off(states):
    async def scenario() -> None:
        await states.get_state(BaseStateToken(ident="tab", cls=rx.State))
        hour = states._token_expires_at["tab"][0]
        assert not closed_tab_states.expire_soon("tab", 0)
        assert not closed_tab_states.expire_soon("tab", 7200)
        assert states._token_expires_at["tab"][0] == hour
        assert closed_tab_states.expire_soon("tab", GRACE)
        assert not closed_tab_states.expire_soon("unknown", GRACE)
        await states.close()

    asyncio.run(scenario())


def test_a_storm_of_closing_tabs_is_swept_without_restarting_reflexs_expiry(states, monkeypatch):
    """Each close used to restart Reflex's expiry task, which walks every token at once."""

    async def scenario() -> None:
        monkeypatch.setattr(closed_tab_states, "SWEEP_SECONDS", 0.01)
        tokens = ClosedTabTokenManager()
        for n in range(50):
            await _open(states, tokens, f"tab-{n}", f"sid-{n}")
        reflex_task = states._expiration_task
        for n in range(40):  # a storm: 40 of 50 tabs close
            await tokens.disconnect_token(f"tab-{n}", f"sid-{n}")
        assert states._expiration_task is reflex_task
        monkeypatch.setattr(memory, "time", _Later(GRACE + 1))
        for _ in range(100):  # the sweeper's next round frees them
            await asyncio.sleep(0.01)
            if len(states.states) == 10:
                break
        assert set(states.states) == {f"tab-{n}" for n in range(40, 50)}
        await states.close()

    asyncio.run(scenario())


def test_grace_from_the_environment():
    assert grace_seconds({}) == closed_tab_states.DEFAULT_GRACE_SECONDS
    assert grace_seconds({"HEKA_CLOSED_TAB_STATE_SECONDS": "120"}) == 120
    assert grace_seconds({"HEKA_CLOSED_TAB_STATE_SECONDS": "0"}) == 0
    assert grace_seconds({"HEKA_CLOSED_TAB_STATE_SECONDS": "soon"}) == 900
