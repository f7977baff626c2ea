"""Reset every state of a tab (logout, kiosk end, a connection without the tab's session).

"Every" has to include the states the current event did not load. With Redis, an event
loads only its own handler's branch of the tree (and hydration loads the whole of it), so
resetting the loaded states alone left, say, the message thread of the last user in Redis
under the tab's token, and the next hydration with that token sent it back (a kiosk
terminal's reconnect did exactly that). So the missing states are fetched first; a lazy
in-memory tree's missing states were never made and hold nothing (lazy_substates.py).
"""

from __future__ import annotations

import reflex as rx

from heka_app.lazy_substates import is_lazy
from heka_app.state.session import SessionState


async def wipe(state: rx.State) -> None:
    """Reset every state of the tab, keeping only the browser's language and device."""
    root = state._get_root_state()
    await _load_every_state(root)
    session = await root.get_state(SessionState)
    language, device = session.lang, session.device
    _reset_tree(root)
    session.lang_cookie, session.device = language, device


async def _load_every_state(root: rx.State) -> None:
    if is_lazy(root):
        return
    for cls in _state_classes(type(root)):
        try:
            root._get_state_from_cache(cls)
        except ValueError:  # not in this event's tree: it is in Redis
            await root.get_state(cls)


def _state_classes(cls: type[rx.State]):
    for sub in cls.get_substates():
        yield sub
        yield from _state_classes(sub)


def _reset_tree(state: rx.State) -> None:
    for child in state.substates.values():
        _reset_tree(child)
    if state.parent_state is not None:
        state.reset()
