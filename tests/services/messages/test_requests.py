"""Service requests: every type from its definition, routed to its queue, sent once;
property-based bad input on every type gives field errors, never an exception, and writes
nothing."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import func, select

from heka_app.models.messages import MessageThread, ThreadMessage
from heka_app.services.common.clock import helsinki_today
from heka_app.services.messages.views import answers_of
from heka_app.services.service_requests import definitions as d
from heka_app.services.service_requests.fields import check
from heka_app.services.service_requests.requests import submit_request, types_for
from tests.services.messages.conftest import sid


def valid_values(definition: d.RequestType, today: dt.date) -> dict[str, str]:
    """A valid answer for every field of ``definition``."""
    values: dict[str, str] = {}
    for spec in definition.fields:
        if spec.kind in (d.CHOICE,):
            values[spec.name] = spec.choices[0][0]
        elif spec.kind == d.YES_NO:
            values[spec.name] = "yes"
        elif spec.kind == d.NUMBER:
            values[spec.name] = str(spec.low)
        elif spec.kind == d.DATE:
            values[spec.name] = today.strftime("%d.%m.%Y")
        elif spec.kind == d.TIME:
            values[spec.name] = "22.30"
        elif spec.kind == d.PLATE:
            values[spec.name] = "abc 123"
        elif spec.kind != d.ATTACHMENT:
            values[spec.name] = "x" * max(spec.low, 3)
    return values


def _count(session, model) -> int:
    return session.exec(select(func.count()).select_from(model)).one()


# The household's own types (tests/services/household/) need a primary tenant.
EVERYONES = [t.key for t in d.REQUEST_TYPES if t.queue != "household"]


def test_the_types_have_labels_and_queues():
    keys = [t.key for t in d.REQUEST_TYPES]
    assert keys == [
        "disturbance", "renovation", "keys", "inspection", "parking", "sauna",
        "account_deletion",  # issue 13: asked for from My details
        "move_in", "move_out", "termination",
    ]  # fmt: skip
    for definition in d.REQUEST_TYPES:
        assert definition.label and definition.fields
        assert definition.queue in ("customer_service", "area_office", "rent_monitoring",
                                    "household")  # fmt: skip
        assert definition.confirm_by in (d.NOBODY, d.EVERY_SIGNATORY)


@pytest.mark.parametrize("key", EVERYONES)
def test_each_type_is_sent_once_to_its_queue(session, actor, now, key):
    definition = d.request_type(key)
    values = valid_values(definition, helsinki_today(now))
    submission = sid()
    for _ in range(3):  # the button pressed three times
        result = submit_request(
            session=session, actor=actor("co_resident"), now=now, submission_id=submission,
            type_key=key, values=values,
        )  # fmt: skip
        assert result.ok, result
    session.commit()
    thread = session.get(MessageThread, result.thread_id)
    assert thread.queue == definition.queue and thread.request_type == key
    assert _count(session, MessageThread) == 1
    assert len(answers_of(thread)) == len([f for f in definition.fields if f.name in values])


def test_parking_plate_is_normalised_and_choice_shown_by_label(session, actor, now):
    result = submit_request(
        session=session, actor=actor("primary"), now=now, submission_id=sid(),
        type_key="parking", values={"registration": "abc123", "space": "heated"},
    )  # fmt: skip
    session.commit()
    thread = session.get(MessageThread, result.thread_id)
    assert json.loads(thread.request_data) == {"registration": "ABC-123", "space": "heated"}
    answers = answers_of(thread)
    assert answers[1].value == "Space with a heating socket" and answers[1].value_is_msgid


def test_dates_follow_the_rule_of_the_field(now):
    today = helsinki_today(now)
    tomorrow = (today + dt.timedelta(days=1)).isoformat()
    yesterday = (today - dt.timedelta(days=1)).isoformat()
    disturbance = d.request_type("disturbance")
    values = valid_values(disturbance, today) | {"date": tomorrow}
    assert check(disturbance, values, today=today).errors == {
        "date": "The date cannot be in the future."
    }
    inspection = d.request_type("inspection")
    values = valid_values(inspection, today) | {"date": yesterday}
    assert check(inspection, values, today=today).errors == {
        "date": "The date cannot be in the past."
    }


def test_unknown_type_and_too_many_files(session, actor, now):
    assert not submit_request(
        session=session, actor=actor("primary"), now=now, submission_id=sid(),
        type_key="nope", values={},
    ).ok  # fmt: skip
    renovation = d.request_type("renovation")
    checked = check(
        renovation, valid_values(renovation, helsinki_today(now)), today=helsinki_today(now),
        tokens={"plan": ["a", "b", "c", "d"]},
    )  # fmt: skip
    assert checked.errors == {"plan": "You can add at most {high} files."}
    assert checked.params["plan"] == {"high": 3}


def test_types_for_tenants():
    from heka_app.services.auth.actor import Actor

    assert types_for(Actor()) == []


_junk = st.one_of(
    st.text(max_size=300),
    st.integers(),
    st.booleans(),
    st.none(),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=3), st.text(max_size=3), max_size=2),
    st.sampled_from(["", " ", "0", "99", "31.2.2026", "2026-13-01", "ÅÄÖ-1", "25:61", "yes"]),
)


@pytest.mark.parametrize("key", [t.key for t in d.REQUEST_TYPES])
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_bad_input_never_raises_and_writes_nothing_partial(session, actor, now, key, data):
    definition = d.request_type(key)
    names = [f.name for f in definition.fields] + ["extra", "__class__"]
    values = data.draw(st.dictionaries(st.sampled_from(names), _junk, max_size=len(names)))
    tokens = data.draw(st.one_of(st.none(), st.dictionaries(st.sampled_from(names), _junk)))
    threads_before = _count(session, MessageThread)
    lines_before = _count(session, ThreadMessage)
    result = submit_request(
        session=session, actor=actor("primary"), now=now, submission_id=sid(),
        type_key=key, values=values, tokens=tokens,
    )  # fmt: skip
    session.commit()
    if result.ok:
        assert _count(session, MessageThread) == threads_before + 1
        assert _count(session, ThreadMessage) == lines_before + 1
        thread = session.get(MessageThread, result.thread_id)
        assert set(json.loads(thread.request_data)) <= {f.name for f in definition.fields}
    else:
        assert result.field_errors or result.form_error
        assert set(result.field_errors) <= {f.name for f in definition.fields}
        assert _count(session, MessageThread) == threads_before
        assert _count(session, ThreadMessage) == lines_before
