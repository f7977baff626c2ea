"""Photos attached to reports are served only to the household and handling staff, through
the session-checked route; another household's token answers 404 like a missing one."""

from __future__ import annotations

import asyncio
import io

import pytest
from PIL import Image

from heka_app.private_files import private_files
from heka_app.services.auth.sessions import start_session
from heka_app.services.common.results import NotAllowed, NotFound
from heka_app.services.faults.photos import photo_bytes, upload_photo
from heka_app.services.faults.reports import create_report
from tests.services.faults.conftest import a_form


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (0, 128, 0)).save(out, "JPEG")
    return out.getvalue()


@pytest.fixture
def report_with_photo(session, actor, now):
    uploaded = upload_photo(actor=actor("primary"), data=_jpeg())
    assert uploaded.token and uploaded.thumbnail.startswith(b"\xff\xd8")
    result = create_report(
        session=session,
        actor=actor("primary"),
        now=now,
        submission_id="photo-submission-0001",
        form=a_form(photo_tokens=(uploaded.token, "not-a-real-token-" + "x" * 20)),
    )
    session.commit()
    assert result.ok
    return uploaded.token


def test_household_and_staff_get_the_photo_others_do_not(session, actor, report_with_photo):
    for key in ("primary", "co_resident", "maintenance"):
        data = photo_bytes(
            session=session, actor=actor(key), token=report_with_photo, thumbnail=True
        )
        assert data.startswith(b"\xff\xd8")
    for key in ("neighbour", "area_office"):
        with pytest.raises(NotFound):
            photo_bytes(session=session, actor=actor(key), token=report_with_photo, thumbnail=False)


def test_uploads_need_a_fault_permission(actor):
    with pytest.raises(NotAllowed):
        upload_photo(actor=actor("upcoming"), data=_jpeg())
    assert upload_photo(actor=actor("primary"), data=b"MZ fake exe").error


def _get(path: str, cookie: str = "") -> tuple[int, bytes, dict]:
    sent = []

    async def never_called(scope, receive, send):
        raise AssertionError("the portal app must not see private paths")

    async def send(message):
        sent.append(message)

    scope = {
        "type": "http",
        "method": "GET",
        "path": path,
        "headers": [(b"cookie", cookie.encode())] if cookie else [],
    }
    asyncio.run(private_files(never_called)(scope, None, send))
    return sent[0]["status"], sent[1]["body"], dict(sent[0]["headers"])


def test_the_route_checks_the_session_cookie(session, world, now, report_with_photo):
    def cookie(key):
        secret = start_session(session=session, account_id=world.accounts[key], now=now)
        session.commit()
        return f"heka_lang=fi; heka_sid={secret}"

    path = f"/_files/faults/{report_with_photo}.jpg"
    status, body, headers = _get(path, cookie("co_resident"))
    assert status == 200 and body.startswith(b"\xff\xd8")
    assert headers[b"cache-control"] == b"private, no-store"
    assert _get(path)[0] == 404  # no session
    assert _get(path, cookie("neighbour"))[0] == 404
    assert _get(path, "heka_sid=forged")[0] == 404
    assert _get("/_files/faults/../../heka.db", cookie("primary"))[0] == 404
