"""Message handlers on real state objects: send once however often pressed, what was typed
kept on an error, household scoping and the signatory rule, internal notes never in a
tenant's state, the live tick and the unread count, requests from their definition, and
the payment plan on the rent page."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from PIL import Image
from sqlmodel import Session, func, select

from heka_app.models.messages import MessageThread
from heka_app.services.common.clock import helsinki_today
from heka_app.state import message_thread, service_requests, staff_messages
from heka_app.state.browser_actions import BrowserActionState
from heka_app.state.message_thread import MessageThreadState
from heka_app.state.messages import MessageFormState, MessagesState
from heka_app.state.rent import RentState
from heka_app.state.service_requests import RequestFormState
from heka_app.state.session import SessionState
from heka_app.state.staff_inbox import StaffInboxState
from heka_app.state.staff_messages import StaffThreadState
from tests.factories import build_world
from tests.state.handler_calls import call, run, signed_in_root, substate

MESSAGE = {
    "submission_id": "state-test-message-00001",
    "topic": "general",
    "subject": "Door <b>code</b>",
    "text": "The front door code does not work.",
}


@pytest.fixture(autouse=True)
def uploads(tmp_path, monkeypatch):
    monkeypatch.setattr("heka_app.services.uploads.storage.upload_root", lambda: tmp_path)


@pytest.fixture
def world(engine, now):
    with Session(engine) as s:
        return build_world(s, now)


def _count(engine) -> int:
    with Session(engine) as s:
        return s.exec(select(func.count()).select_from(MessageThread)).one()


def _thread_id(engine) -> int:
    with Session(engine) as s:
        return s.exec(select(MessageThread.id).order_by(MessageThread.id.desc())).first()


def _open(monkeypatch, thread_id: int) -> None:
    monkeypatch.setattr(message_thread, "fault_id_param", lambda state: thread_id)
    monkeypatch.setattr(staff_messages, "fault_id_param", lambda state: thread_id)


def test_send_twice_makes_one_thread_and_errors_are_per_field(engine, now, world):
    _, root = signed_in_root(engine, now, "primary", world=world)
    form = substate(root, MessageFormState)
    run(call(form, "load"))
    assert {t["key"] for t in form.topics} >= {"general", "rent_plan"}
    run(call(form, "submit", {**MESSAGE, "topic": "", "text": ""}))
    assert set(form.field_errors) == {"topic", "text"} and _count(engine) == 0
    run(call(form, "submit", MESSAGE))
    run(call(form, "submit", MESSAGE))  # pressed again
    assert _count(engine) == 1


def test_household_thread_live_reply_unread_and_notes(engine, now, world, monkeypatch):
    _, tenant = signed_in_root(engine, now, "primary", world=world)
    run(call(substate(tenant, MessageFormState), "submit", MESSAGE))
    thread_id = _thread_id(engine)
    _open(monkeypatch, thread_id)
    page = substate(tenant, MessageThreadState)
    run(call(page, "load"))
    assert page.card["id"] == thread_id and len(page.lines) == 1
    _, staff = signed_in_root(engine, now, "customer_service", world=world)
    handling = substate(staff, StaffThreadState)
    run(call(handling, "load"))
    run(call(handling, "reply", {"text": "Only for staff.", "internal": "on"}))
    run(call(handling, "reply", {"text": "We reset the code.", "internal": ""}))
    session = substate(tenant, SessionState)
    run(call(session, "refresh"))
    assert session.unread_messages == 1
    run(call(page, "tick"))  # the open page picks the reply up
    texts = [line["text"] for line in page.lines]
    assert "We reset the code." in texts and "Only for staff." not in texts
    assert session.unread_messages == 0  # read while open
    run(call(page, "reply", {"text": "Thanks, it works."}))
    run(call(handling, "tick"))  # staff's open page picks the tenant's answer up
    assert handling.lines[-1]["text"] == "Thanks, it works."
    _, neighbour = signed_in_root(engine, now, "neighbour", world=world)
    theirs = substate(neighbour, MessageThreadState)
    run(call(theirs, "load"))
    assert theirs.missing and theirs.lines == []


def test_rent_thread_hidden_from_co_resident_and_plan_on_rent_page(engine, now, world, monkeypatch):
    _, tenant = signed_in_root(engine, now, "primary", world=world)
    run(call(substate(tenant, MessageFormState), "submit", {**MESSAGE, "topic": "rent_plan"}))
    thread_id = _thread_id(engine)
    _open(monkeypatch, thread_id)
    _, co = signed_in_root(engine, now, "co_resident", world=world)
    listing = substate(co, MessagesState)
    run(call(listing, "load"))
    assert listing.cards == []
    _, rent = signed_in_root(engine, now, "rent_monitoring", world=world)
    handling = substate(rent, StaffThreadState)
    run(call(handling, "load"))
    assert handling.is_rent and handling.may_plan and handling.rent["contract"]
    due = helsinki_today(now) + dt.timedelta(days=10)
    run(call(handling, "record_plan", {"due_1": due.isoformat(), "amount_1": "120,00"}))
    assert handling.saved
    rent_page = substate(tenant, RentState)
    run(call(rent_page, "load"))
    assert "120,00" in str(rent_page.view.get("payment_plan", ""))


def test_request_form_from_definition_sends_once(engine, now, world, monkeypatch):
    _, tenant = signed_in_root(engine, now, "co_resident", world=world)
    form = substate(tenant, RequestFormState)
    monkeypatch.setattr(service_requests, "request_type_param", lambda state: "parking")
    run(call(form, "load"))
    assert [f["name"] for f in form.fields] == ["registration", "space"]
    values = {"submission_id": "state-test-request-000001", "registration": "x", "space": ""}
    run(call(form, "submit", values))
    assert set(form.field_errors) == {"registration", "space"} and _count(engine) == 0
    values |= {"registration": "abc-12", "space": "garage"}
    run(call(form, "submit", values))
    run(call(form, "submit", values))
    assert _count(engine) == 1
    _, staff = signed_in_root(engine, now, "customer_service", world=world)
    inbox = substate(staff, StaffInboxState)
    run(call(inbox, "load"))
    assert len(inbox.cards) == 1 and inbox.cards[0]["subject"] == "Parking space application"


class _Upload:
    """What Reflex hands an upload handler: a name and an async read."""

    def __init__(self, name: str, data: bytes):
        self.name, self._data = name, data

    async def read(self, size: int = -1) -> bytes:
        return self._data if size < 0 else self._data[:size]


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (320, 240), (200, 40, 40)).save(out, "JPEG")
    return out.getvalue()


def test_answer_with_files_attaches_them_and_a_refused_answer_keeps_them(
    engine, now, world, monkeypatch
):
    _, tenant = signed_in_root(engine, now, "primary", world=world)
    run(call(substate(tenant, MessageFormState), "submit", MESSAGE))
    _open(monkeypatch, _thread_id(engine))
    page = substate(tenant, MessageThreadState)
    run(call(page, "load"))
    run(call(page, "upload_attachments", [_Upload("leak.jpg", _jpeg()), _Upload("x.exe", b"MZ")]))
    assert [p["kind"] for p in page.previews] == ["photo"] and page.file_error
    run(call(page, "reply", {"text": "x" * 4001}))  # too long: nothing sent, files kept
    assert page.field_errors["text"] and len(page.previews) == 1 and len(page.lines) == 1
    run(call(page, "reply", {"text": ""}))  # the photo alone is an answer
    assert page.previews == [] and page.saved
    assert page.lines[-1]["photos"] and page.lines[-1]["text"] == ""


def test_paging_keeps_the_filters_and_clamps_odd_pages(engine, now, world):
    _, tenant = signed_in_root(engine, now, "primary", world=world)
    form = substate(tenant, MessageFormState)
    for n in range(12):
        run(call(form, "submit", {**MESSAGE, "submission_id": f"state-paging-{n:011d}"}))
    run(
        call(
            form,
            "submit",
            {**MESSAGE, "submission_id": "state-paging-feedback", "topic": "feedback"},
        )
    )
    mine = substate(tenant, MessagesState)
    run(call(mine, "load"))
    assert (mine.total, mine.pages, len(mine.cards)) == (13, 2, 10)
    run(call(mine, "go_to", 2))
    assert (mine.page, mine.first, mine.last, len(mine.cards)) == (2, 11, 13, 3)
    _, staff = signed_in_root(engine, now, "customer_service", world=world)
    inbox = substate(staff, StaffInboxState)
    run(call(inbox, "apply_filters", {"status": "open", "kind": "general", "queue": ""}))
    assert (inbox.total, inbox.pages, len(inbox.cards)) == (12, 1, 12)
    run(call(inbox, "go_to", 5))  # past the end: the last page, the filter kept
    assert (inbox.page, inbox.total) == (1, 12)
    run(call(inbox, "go_to", {"page": "2"}))  # junk: the first page
    assert inbox.page == 1 and inbox.filters["kind"] == "general"
    run(call(inbox, "apply_filters", {"status": "open", "kind": "general"}))
    address = ["replace_url", "/staff/messages?status=open&kind=general"]
    assert substate(staff, BrowserActionState).actions[-1][1:] == address
    run(call(inbox, "load"))  # a fresh visit forgets the filter
    assert inbox.total == 13 and inbox.filters == {}
    _reopen_at(inbox, "/staff/messages?status=open&kind=general&mine=junk")
    run(call(inbox, "load"))  # a reload keeps it (from the address)
    assert (inbox.total, inbox.filters["kind"], inbox.filters["mine"]) == (12, "general", "")
    assert inbox.url_filters == inbox.filters
    _reopen_at(inbox, "/staff/messages?queue=" + "q" * 500)
    run(call(inbox, "load"))  # an unknown queue, capped: nothing, and no crash
    assert (inbox.total, len(inbox.filters["queue"])) == (0, 24)


def _reopen_at(state, path: str) -> None:
    """Open ``state``'s page at ``path`` on the same signed-in connection."""
    from reflex.istate.data import RouterData

    headers = state.router.headers.raw_headers
    state.router = RouterData.from_router_data(
        {"pathname": path.split("?")[0], "asPath": path, "headers": dict(headers), "sid": "conn-1"}
    )


def test_opening_a_thread_again_resends_only_what_changed(engine, now, world, monkeypatch):
    """Issue 15: a second visit with nothing new leaves the thread's vars clean (Reflex's
    delta resent all its lines before); a staff reply marks the lines again."""
    _, tenant = signed_in_root(engine, now, "primary", world=world)
    run(call(substate(tenant, MessageFormState), "submit", MESSAGE))
    _open(monkeypatch, _thread_id(engine))
    page = substate(tenant, MessageThreadState)
    session = substate(tenant, SessionState)
    run(call(page, "load"))
    assert {"card", "lines", "signing"} <= page.dirty_vars
    before = (dict(page.card), [dict(line) for line in page.lines], dict(page.signing))
    page.dirty_vars.clear()
    session.dirty_vars.clear()
    run(call(page, "load"))
    assert page.dirty_vars & {"card", "answers", "lines", "decision", "version", "signing"} == set()
    assert "unread_messages" not in session.dirty_vars
    assert (page.card, page.lines, page.signing) == before
    _, staff = signed_in_root(engine, now, "customer_service", world=world)
    handling = substate(staff, StaffThreadState)
    run(call(handling, "load"))
    run(call(handling, "reply", {"text": "We reset the code.", "internal": ""}))
    run(call(page, "load"))
    assert "lines" in page.dirty_vars and page.lines[-1]["text"] == "We reset the code."
