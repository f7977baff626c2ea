"""Login storms (issue 15): argon2 services run in their own bounded, first-come pool, so
a burst of logins never occupies the threads every other handler's database call uses."""

from __future__ import annotations

import asyncio
import threading

from heka_app.services.accounts import credentials
from heka_app.services.auth.login import login
from heka_app.services.auth.passwords import hashes_passwords, is_hashing
from heka_app.services.signup.registration import complete_registration
from heka_app.state import service_calls
from heka_app.state.service_calls import call_service
from tests.state.handler_calls import run


def test_the_services_that_hash_are_marked():
    for fn in (
        login,
        credentials.change_password,
        credentials.reset_password,
        credentials.request_email_change,
        complete_registration,
    ):
        assert is_hashing(fn), fn.__qualname__
    assert not is_hashing(len)


def test_hashing_runs_in_its_pool_first_come_first_served(engine):
    order: list[int] = []
    names: set[str] = set()

    @hashes_passwords
    def slow(*, session, index: int) -> int:
        names.add(threading.current_thread().name)
        order.append(index)
        return index

    def plain(*, session) -> str:
        return threading.current_thread().name

    async def burst():
        logins = [asyncio.ensure_future(call_service(slow, index=i)) for i in range(20)]
        other = await call_service(plain)
        return await asyncio.gather(*logins), other

    results, other_thread = run(burst())
    assert results == list(range(20))
    assert order == list(range(20))  # one hashing thread by default: strict arrival order
    assert names == {n for n in names if n.startswith("heka-hash")}
    assert len(names) <= service_calls.HASH_WORKERS
    assert not other_thread.startswith("heka-hash")


def test_hashing_threads_are_niced_in_production_only(monkeypatch):
    monkeypatch.delenv("HEKA_HASH_NICE", raising=False)
    monkeypatch.setenv("HEKA_ENV", "prod")
    assert service_calls.hash_nice() == 10
    monkeypatch.setenv("HEKA_ENV", "test")
    assert service_calls.hash_nice() == 0
    monkeypatch.setenv("HEKA_HASH_NICE", "7")
    assert service_calls.hash_nice() == 7
    monkeypatch.setenv("HEKA_HASH_NICE", "99")
    assert service_calls.hash_nice() == 19
