"""Issue 10's live update across backend workers: the tenant's open report page (worker B)
shows a staff member's status change and public comment (made through worker A) within
2 s, without a reload; the internal note never reaches the tenant.

Two separate backend processes of the app (tests/e2e/backend_workers.py) on the e2e
database, and on the same Redis when HEKA_REDIS_URL is set (CI's PostgreSQL pass). The
tenant's tab is driven over the raw websocket: it sends ``FaultDetailState.tick`` every
second, as the page's timer does, in a thread of its own, while the staff member acts.
"""

from __future__ import annotations

import json
import os
import time
import uuid

import httpx
import pytest
from sqlmodel import select

from heka_app.db import session_scope
from heka_app.models.faults import FaultReport
from heka_app.state.fault_queue import StaffFaultState
from heka_app.state.fault_report import FaultDetailState
from heka_app.state.faults import FaultFormState
from heka_app.state.housing import HomeState
from heka_app.state.load_probe import LoadProbeState
from heka_app.state.session import SESSION_COOKIE
from tests.e2e.backend_workers import backend_workers
from tests.e2e.live_page import DETAIL, TICK_SECONDS, PageTimer, call
from tests.e2e.reflex_ws import ReflexSocket
from tests.e2e.ws_fixtures import handler_name, ws_login

pytestmark = pytest.mark.e2e
REDIS = bool(os.environ.get("HEKA_REDIS_URL"))
TENANT = "tenant@demo.heka.example"
STAFF = "staff.maintenance@demo.heka.example"
# Issue 10 asks for 2 s; the times are printed for the note. The assert only proves the
# change arrives live, without a reload, with room for a loaded CI machine (no timed
# asserts on speed: benchmarks and notes carry the numbers).
LIVE_LIMIT_SECONDS = 10.0
STAFF_DETAIL = StaffFaultState.get_full_name()


@pytest.fixture(scope="module")
def workers(e2e_database):
    """Backend workers A and B: two processes, one database (and one Redis in CI)."""
    with backend_workers("A", "B") as running:
        yield running


@pytest.fixture
def connect(workers):
    """``connect("A")`` -> a raw client on that worker; all closed after the test."""
    opened: list[ReflexSocket] = []

    def _connect(name: str) -> ReflexSocket:
        sock = ReflexSocket(workers[name].address)
        opened.append(sock)
        return sock

    yield _connect
    for sock in opened:
        sock.close()


def _login(sock: ReflexSocket, email: str) -> str:
    """Sign in the way a browser does (handoff, HttpOnly cookie, reconnect); the session
    secret the browser's cookie holds."""
    return ws_login(sock, email)


def _submit_report(tenant: ReflexSocket) -> int:
    """The tenant reports a fault through worker B; its id from the database."""
    submission = f"two-workers-{uuid.uuid4().hex}"
    form = {
        "submission_id": submission,
        "category": "plumbing.leak",
        "location": "room:bathroom",
        "description": "Kylpyhuoneen hana vuotaa lattialle.",
        "enter": "yes",
        "contact_phone": "040 123 4567",
    }
    state = FaultFormState.get_full_name()
    call(
        tenant,
        handler_name(FaultFormState, "submit"),
        {"form_data": form},
        path="/faults/new",
        done=lambda delta, _: delta.get(state, {}).get("number_rx_state_"),
    )
    with session_scope() as s:
        report = s.exec(select(FaultReport).where(FaultReport.submission_id == submission)).one()
        assert report.status == "received"
        return report.id


def _handle(staff: ReflexSocket, report_id: int, **form) -> dict:
    fields = {"status": "", "comment": "", "note": "", **form}
    return call(
        staff,
        handler_name(StaffFaultState, "handle"),
        {"form_data": fields},
        path=f"/staff/faults/{report_id}",
        done=lambda delta, _: delta.get(STAFF_DETAIL, {}).get("saved_rx_state_") is True,
    )


def _version(report_id: int) -> int:
    with session_scope() as s:
        return s.get(FaultReport, report_id).version


def _open_report(tenant: ReflexSocket, report_id: int) -> dict:
    return call(
        tenant,
        handler_name(FaultDetailState, "load"),
        path=f"/faults/{report_id}",
        done=lambda delta, _: "card_rx_state_" in delta.get(DETAIL, {}),
    )


def _staff_opens(staff: ReflexSocket, report_id: int) -> None:
    _login(staff, STAFF)
    call(
        staff,
        handler_name(StaffFaultState, "load"),
        path=f"/staff/faults/{report_id}",
        done=lambda delta, _: "card_rx_state_" in delta.get(STAFF_DETAIL, {}),
    )


def _has_comment(detail: dict, comment: str) -> bool:
    return any(e.get("text") == comment for e in detail.get("timeline_rx_state_") or [])


def test_workers_are_separate_processes_on_the_shared_state(workers):
    a, b = workers["A"], workers["B"]
    assert a.pid != b.pid and a.address != b.address
    for worker in (a, b):
        health = httpx.get(f"{worker.url}/_health", timeout=5).json()
        assert health["status"] is True and health["db"] is True, health
        if REDIS:  # CI's PostgreSQL pass: state in Redis
            assert health.get("redis") is True, health


def test_staff_change_on_worker_a_reaches_the_tenant_on_worker_b_within_2_s(connect):
    tenant, staff = connect("B"), connect("A")
    _login(tenant, TENANT)
    report_id = _submit_report(tenant)
    opened = _open_report(tenant, report_id)
    assert opened["delta"][DETAIL]["card_rx_state_"]["status"] == "received"
    _staff_opens(staff, report_id)
    page = PageTimer(tenant, report_id)
    page.start()
    try:
        time.sleep(1.5)  # the page has been open a while: ticks with nothing new
        mark = uuid.uuid4().hex[:8]
        comment, note = f"Huoltomies tulee huomenna {mark}", f"INTERNAL-{mark}-avain"

        started = time.monotonic()
        saved = _handle(staff, report_id, status="in_progress", comment=comment, note=note)
        assert note in json.dumps(saved, ensure_ascii=False)  # staff see their note
        status_after = page.first(
            lambda d: (d.get("card_rx_state_") or {}).get("status") == "in_progress", started
        )
        comment_after = page.first(lambda d: _has_comment(d, comment), started)

        # A public comment alone, and an internal note alone (the version moves: the
        # tenant's page reloads, and still shows no note).
        started_comment = time.monotonic()
        second = f"Osat tilattu {mark}"
        _handle(staff, report_id, comment=second)
        second_after = page.first(lambda d: _has_comment(d, second), started_comment)
        started_note = time.monotonic()
        note_only = f"INTERNAL-{mark}-vain-huollolle"
        _handle(staff, report_id, note=note_only)
        version = _version(report_id)
        note_reload_after = page.first(
            lambda d: d.get("version_rx_state_") == version, started_note
        )
    finally:
        page.stop()
    print(
        f"\nworker A -> worker B live update: status {status_after:.2f} s, "
        f"comment {comment_after:.2f} s, comment alone {second_after:.2f} s, "
        f"note-only reload {note_reload_after:.2f} s (limit {LIVE_LIMIT_SECONDS} s, "
        f"tick {TICK_SECONDS} s)"
    )
    assert page.error is None, page.error
    assert max(status_after, comment_after, second_after) < LIVE_LIMIT_SECONDS
    assert note_reload_after < LIVE_LIMIT_SECONDS
    seen = page.text() + json.dumps(opened, ensure_ascii=False)
    assert comment in seen and second in seen
    assert "INTERNAL-" not in seen  # no internal note reached worker B's tenant


def _wait_until_disconnected(token: str) -> None:
    """Until worker B has dropped the tab's connection record from Redis (while it is
    there, a connection with the same token counts as a duplicate tab: a new token)."""
    import redis

    client = redis.Redis.from_url(os.environ["HEKA_REDIS_URL"])
    try:
        deadline = time.monotonic() + 10
        while client.exists(f"token_manager_socket_record_{token}"):
            assert time.monotonic() < deadline, "worker B kept the closed connection"
            time.sleep(0.05)
    finally:
        client.close()


@pytest.mark.skipif(not REDIS, reason="a tab's state moves between workers only via Redis")
def test_tab_reconnecting_to_another_worker_keeps_following_its_report(connect, workers):
    """Worker B goes away under the tenant's open page; the browser reconnects (same
    token, its session cookie) to worker A, where the tab's state from Redis still knows
    the report: the next staff change shows up without the page being loaded again."""
    tenant = connect("B")
    secret = _login(tenant, TENANT)
    report_id = _submit_report(tenant)
    _open_report(tenant, report_id)
    tenant.close()
    _wait_until_disconnected(tenant.token)
    moved = ReflexSocket(
        workers["A"].address, token=tenant.token, cookie=f"{SESSION_COOKIE}={secret}"
    )
    staff = connect("A")
    _staff_opens(staff, report_id)
    page = PageTimer(moved, report_id)  # ticks only: no load on the new worker
    page.start()
    try:
        started = time.monotonic()
        comment = f"Tulemme tiistaina {uuid.uuid4().hex[:8]}"
        _handle(staff, report_id, status="in_progress", comment=comment)
        shown_after = page.first(lambda d: _has_comment(d, comment), started)
    finally:
        page.stop()
        moved.close()
    print(f"\nafter the move to worker A: comment shown in {shown_after:.2f} s")
    assert shown_after < LIVE_LIMIT_SECONDS


def _submit_until_dead(sock: ReflexSocket, acknowledged: list[str], stop) -> None:
    """Report faults one after another on ``sock`` until it fails; every submission id
    whose report number came back is acknowledged (the tenant saw "sent")."""
    state = FaultFormState.get_full_name()
    while not stop.is_set():
        submission = f"killed-worker-{uuid.uuid4().hex}"
        form = {
            "submission_id": submission,
            "category": "plumbing.leak",
            "location": "room:kitchen",
            "description": "Keittiön hana vuotaa, raportti ennen kaatumista.",
            "enter": "yes",
            "contact_phone": "040 123 4567",
        }
        try:
            call(
                sock,
                handler_name(FaultFormState, "submit"),
                {"form_data": form},
                path="/faults/new",
                done=lambda delta, _: delta.get(state, {}).get("number_rx_state_"),
            )
        except Exception:  # the worker died under this tab: no answer, not acknowledged
            return
        acknowledged.append(submission)


def _load_then_echo(sock: ReflexSocket, handler: str, path: str) -> tuple[dict, list]:
    """Send ``handler`` and then the load test's echo; everything until the echo's answer
    (a tab's events run in order, so the handler has finished by then; an unchanged page
    sends no delta at all, which is why "finished" cannot be read from the delta)."""
    probe = LoadProbeState.get_full_name()
    seq = int(time.time() * 1000) % 2**31
    sock.send(handler, path=path)
    sock.send(handler_name(LoadProbeState, "echo"), {"seq": seq}, path=path)
    delta: dict = {}
    events: list = []
    while delta.get(probe, {}).get("seq_rx_state_") != seq:
        message = sock.wait_for("42/_event,", timeout=60)
        kind, update = json.loads(message[len("42/_event,") :])
        if kind == "event":
            for state, values in (update.get("delta") or {}).items():
                delta.setdefault(state, {}).update(values)
            events.extend(update.get("events") or [])
    return delta, events


def test_a_killed_worker_loses_no_acknowledged_report_and_its_tabs_sign_in_again(workers):
    """Issue 15: worker C is killed (SIGKILL, no shutdown) while three tenant tabs submit
    reports on it. Every report a tab saw acknowledged is in the database, and each tab
    reconnects to worker A with its session cookie: still signed in, no password asked.
    With Redis, each tab also keeps its token (and so its page state): the dead worker's
    socket records are not taken for live duplicate tabs (heka_app/dead_worker_tokens.py)."""
    import signal
    import threading

    with backend_workers("C") as spare:
        victim = spare["C"]
        tabs = [ReflexSocket(victim.address) for _ in range(3)]
        secrets_ = [_login(tab, TENANT) for tab in tabs]
        acknowledged: list[str] = []
        stop = threading.Event()
        threads = [
            threading.Thread(target=_submit_until_dead, args=(tab, acknowledged, stop))
            for tab in tabs
        ]
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 60
        while len(acknowledged) < 3 and time.monotonic() < deadline:
            time.sleep(0.05)  # the load is on: some reports acknowledged before the kill
        os.kill(victim.pid, signal.SIGKILL)
        stop.set()
        for thread in threads:
            thread.join(timeout=90)
        for tab in tabs:
            tab.close()
    assert len(acknowledged) >= 3
    with session_scope() as s:
        stored = set(
            s.exec(
                select(FaultReport.submission_id).where(
                    FaultReport.submission_id.in_(acknowledged)  # type: ignore[attr-defined]
                )
            ).all()
        )
    assert stored == set(acknowledged), "an acknowledged report was lost with the worker"

    new_tokens = 0
    for tab, secret in zip(tabs, secrets_, strict=True):
        moved = ReflexSocket(
            workers["A"].address, token=tab.token, cookie=f"{SESSION_COOKIE}={secret}"
        )
        new_tokens += moved.token != tab.token
        try:
            delta, events = _load_then_echo(moved, handler_name(HomeState, "load"), "/home")
        finally:
            moved.close()
        # Anonymous, the home page's guard would answer with a redirect to /login.
        assert "/login" not in json.dumps(events), events
        home = delta.get(HomeState.get_full_name(), {})
        assert "home_rx_state_" not in home or home["home_rx_state_"], delta
    print(
        f"\nkilled worker: {len(acknowledged)} acknowledged reports, all stored; 3 tabs "
        f"moved, still signed in ({new_tokens} given a new token)"
    )
    assert new_tokens == 0, "a tab of the killed worker was taken for a duplicate"
