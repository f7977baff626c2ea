"""Calling event handlers the way Reflex does, on a real root state (no browser)."""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextvars
import inspect

import reflex as rx

import heka_app.heka_app  # noqa: F401 - registers every state


def new_root() -> rx.State:
    """A fresh root state with every substate, like one browser tab."""
    return rx.State(_reflex_internal_init=True)


def substate(root: rx.State, cls: type[rx.State]) -> rx.State:
    """The instance of ``cls`` inside ``root``."""
    return root.get_substate(cls.get_full_name().split(".")[1:])


async def call(state: rx.State, handler: str, *args, **kwargs):
    """Run a handler to completion; returns everything it returned or yielded."""
    result = getattr(type(state), handler).fn(state, *args, **kwargs)
    if inspect.isasyncgen(result):
        return [item async for item in result]
    if inspect.iscoroutine(result):
        return await result
    if inspect.isgenerator(result):
        return list(result)
    return result


def run(coro):
    """Run a coroutine to completion in its own thread and loop.

    Playwright's sync API keeps an event loop running in the main thread during e2e tests,
    where ``asyncio.run`` would refuse to start.
    """
    context = contextvars.copy_context()  # Reflex keeps its registry in a ContextVar
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(context.run, asyncio.run, coro).result()


def signed_in_root(engine, now, role: str = "primary", *, world=None):
    """A fresh root state logged in as ``role`` of the test world: ``(world, root)``.

    The world (tests/factories.py, dated from ``now``) is built unless one is given.
    """
    from sqlmodel import Session

    from heka_app.services.auth.sessions import start_session
    from tests.factories import build_world

    with Session(engine) as s:
        world = world or build_world(s, now)
        secret = start_session(session=s, account_id=world.accounts[role], now=now)
        s.commit()
    root = new_root()
    present_session_cookie(root, secret)
    return world, root


def present_session_cookie(root, secret: str) -> None:
    """Make ``root``'s connection one whose handshake carried the ``heka_sid`` cookie
    (the only place handlers take the session from, besides a login on the connection)."""
    from reflex.istate.data import RouterData

    cookie = f"heka_sid={secret}" if secret else ""
    root.router = RouterData.from_router_data({"headers": {"cookie": cookie}, "sid": "conn-1"})
