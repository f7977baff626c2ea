"""A tab's substates made when first used, not all when it connects (in-memory state).

Reflex's in-memory state manager builds a tab's whole state tree on its first event: all
37 substates of ``rx.State`` (one per feature: the staff tools, every form and page), each
an instance with its own dict, two sets and a substates dict, and hydration then stores
a copy of every field's default in each. A tenant's tab that opened the six pages of the
load test uses about ten of them; the rest cost ~30 KB of the worker's memory per tab
(``python -m benchmarks.tab_memory --state``: issue 15's target is 100 KB per tab).

With Redis, Reflex already loads only the substates an event needs. This does the same in
memory: a root state starts without substates, and ``get_state`` (which every event
handler, on_load and ``get_state`` call goes through) creates a missing substate, fresh
with its defaults, the first time it is asked for, exactly what the eager tree held for
it before. The tree is flat (every state is a child of ``rx.State``; no computed var
depends on another state), so nothing reaches a sibling without ``get_state``.

For the browser: hydration sends the substates the tab has, not the defaults of the others
(which the compiled page starts with anyway). ``HEKA_LAZY_SUBSTATES=0`` turns it off.
"""

from __future__ import annotations

import os
import weakref
from typing import Any

from reflex.istate.manager import StateManager
from reflex.istate.manager.memory import StateManagerMemory
from reflex.istate.manager.token import BaseStateToken
from reflex.state import BaseState
from reflex_base.utils.exceptions import StateMismatchError

# The roots this manager made, by id: only their trees get substates created on demand
# (a Redis root's missing substate is in Redis, and Reflex fetches it from there).
_LAZY_ROOTS: weakref.WeakValueDictionary[int, BaseState] = weakref.WeakValueDictionary()


class LazyStateManagerMemory(StateManagerMemory):
    """Reflex's in-memory manager whose new root states have no substates yet."""

    def _get_or_create_state(self, token: Any) -> Any:
        key = token.cache_key
        if isinstance(token, BaseStateToken) and key not in self.states:
            root = token.cls.get_root_state()(init_substates=False, _reflex_internal_init=True)
            _LAZY_ROOTS[id(root)] = root
            self.states[key] = root
        return super()._get_or_create_state(token)


def is_lazy(root: BaseState) -> bool:
    """Whether ``root`` is a tree this module's manager made (substates on demand)."""
    return _LAZY_ROOTS.get(id(root)) is root


# Each state class's substate classes by name: a new tab makes several substates, and
# the map of all 37 was built for each (issue 15: connect + hydrate).
_CHILDREN: dict[type[BaseState], dict[str, type[BaseState]]] = {}


def _substate_classes(cls: type[BaseState]) -> dict[str, type[BaseState]]:
    children = _CHILDREN.get(cls)
    if children is None or len(children) != len(cls.get_substates()):  # a state added later
        children = _CHILDREN[cls] = {c.get_name(): c for c in cls.get_substates()}
    return children


def substate_of(root: BaseState, state_cls: type[BaseState]) -> BaseState:
    """The instance of ``state_cls`` in ``root``'s tree, creating the missing states on
    its path (each fresh, with its defaults, as Reflex's eager tree would hold it)."""
    state = root
    for name in state_cls._get_substate_path()[1:]:
        child = state.substates.get(name)
        if child is None:
            child_cls = _substate_classes(type(state)).get(name)
            if child_cls is None:
                msg = f"{state_cls.get_full_name()} is not a substate of {root.get_full_name()}"
                raise StateMismatchError(msg)
            child = child_cls(parent_state=state, init_substates=False, _reflex_internal_init=True)
            state.substates[name] = child
        state = child
    if not isinstance(state, state_cls):
        raise StateMismatchError(f"Searched for {state_cls.get_full_name()}, found {state}")
    return state


_reflex_fetch = BaseState._get_state_from_redis
_reflex_create = StateManager.create
_REFLEX_DESCRIPTORS = {
    (StateManager, "create"): StateManager.__dict__["create"],
    (BaseState, "_get_state_from_redis"): BaseState.__dict__["_get_state_from_redis"],
}


async def _create_or_fetch(self: BaseState, state_cls: type[BaseState]) -> Any:
    """``get_state``'s slow path (the state is not in the tree): Reflex fetches it from
    Redis, and raises with the in-memory manager; with the lazy one it is created."""
    root = self._get_root_state()
    if is_lazy(root):
        return substate_of(root, state_cls)
    return await _reflex_fetch(self, state_cls)


def _create(cls: type[StateManager]) -> StateManager:
    manager = _reflex_create()
    if type(manager) is StateManagerMemory:
        return LazyStateManagerMemory()  # type: ignore[abstract]
    return manager


def enabled(environ=os.environ) -> bool:
    """HEKA_LAZY_SUBSTATES (on unless "0")."""
    return environ.get("HEKA_LAZY_SUBSTATES", "1") != "0"


def install() -> None:
    """Make Reflex build the lazy manager instead of its in-memory one (call before
    ``rx.App``), and create missing substates on ``get_state``'s slow path; Reflex's own
    when HEKA_LAZY_SUBSTATES=0."""
    if not enabled():
        for (owner, name), original in _REFLEX_DESCRIPTORS.items():
            setattr(owner, name, original)
        return
    StateManager.create = classmethod(_create)  # type: ignore[method-assign,assignment]
    BaseState._get_state_from_redis = _create_or_fetch  # type: ignore[method-assign]
