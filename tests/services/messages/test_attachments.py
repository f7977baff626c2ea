"""Attachments: photos through the shared pipeline (metadata gone), PDFs checked, both
attached once to the message and handed only to those who may see the thread."""

from __future__ import annotations

import asyncio
import io

import pytest
from PIL import Image

from heka_app.private_files import private_files
from heka_app.services.auth.sessions import start_session
from heka_app.services.common.results import NotAllowed, NotFound
from heka_app.services.messages import threads
from heka_app.services.messages.attachments import attachment_bytes, upload_attachment
from heka_app.services.uploads.documents import NOT_A_PDF
from tests.services.messages.conftest import a_message, sid

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (800, 600), (10, 120, 40)).save(out, "JPEG")
    return out.getvalue()


def test_photo_and_pdf_are_attached_and_scoped(session, actor, now):
    tenant = actor("primary")
    photo = upload_attachment(actor=tenant, data=_jpeg())
    pdf = upload_attachment(actor=tenant, data=PDF)
    assert (photo.kind, pdf.kind) == ("photo", "pdf") and photo.thumbnail
    result = threads.send_message(
        session=session, actor=tenant, now=now, submission_id=sid(),
        form=a_message(tokens=(photo.token, pdf.token, photo.token, "nonsense")),
    )  # fmt: skip
    session.commit()
    detail = threads.my_thread(
        session=session, actor=actor("co_resident"), now=now, language="fi",
        thread_id=result.thread_id,
    )  # fmt: skip
    assert detail.lines[0].photos == (photo.token,) and detail.lines[0].documents == (pdf.token,)
    kind, data = attachment_bytes(session=session, actor=actor("co_resident"), token=pdf.token)
    assert kind == "pdf" and data == PDF
    kind, data = attachment_bytes(
        session=session, actor=actor("customer_service"), token=photo.token, thumbnail=True
    )
    assert kind == "photo" and data[:2] == b"\xff\xd8"
    for who in ("neighbour", "rent_monitoring"):
        with pytest.raises(NotFound):
            attachment_bytes(session=session, actor=actor(who), token=pdf.token)


def test_a_reply_carries_attachments_once_and_only_in_its_thread(session, actor, now):
    tenant = actor("primary")
    first = threads.send_message(
        session=session, actor=tenant, now=now, submission_id=sid(), form=a_message()
    ).thread_id
    photo = upload_attachment(actor=actor("co_resident"), data=_jpeg())
    pdf = upload_attachment(actor=actor("co_resident"), data=PDF)
    # files alone are an answer; an unknown token is not
    assert not threads.reply(
        session=session, actor=actor("co_resident"), now=now, thread_id=first, text="",
        tokens=("nonsense",),
    ).ok  # fmt: skip
    assert threads.reply(
        session=session, actor=actor("co_resident"), now=now, thread_id=first, text=" ",
        tokens=(photo.token, pdf.token),
    ).ok  # fmt: skip
    session.commit()
    detail = threads.my_thread(
        session=session, actor=tenant, now=now, language="fi", thread_id=first
    )
    answer = detail.lines[-1]
    assert (answer.photos, answer.documents, answer.text) == ((photo.token,), (pdf.token,), "")
    # a file already attached is not attached again (its token is the file's one name)
    assert threads.reply(
        session=session, actor=tenant, now=now, thread_id=first, text="Same photo again",
        tokens=(photo.token,),
    ).ok  # fmt: skip
    session.commit()
    again = threads.my_thread(
        session=session, actor=tenant, now=now, language="fi", thread_id=first
    ).lines[-1]
    assert again.photos == () and again.text == "Same photo again"
    with pytest.raises(NotFound):
        attachment_bytes(session=session, actor=actor("neighbour"), token=photo.token)


def test_bad_files_are_refused(actor):
    tenant = actor("primary")
    assert upload_attachment(actor=tenant, data=b"%PDF-1.4 no end").error == NOT_A_PDF
    assert upload_attachment(actor=tenant, data=b"<script>alert(1)</script>").error
    with pytest.raises(NotAllowed):
        upload_attachment(actor=actor("upcoming"), data=PDF)


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


def test_the_route_serves_attachments_within_the_thread_scope(session, world, actor, now):
    tenant = actor("primary")
    photo = upload_attachment(actor=tenant, data=_jpeg())
    pdf = upload_attachment(actor=tenant, data=PDF)
    threads.send_message(
        session=session, actor=tenant, now=now, submission_id=sid(),
        form=a_message(tokens=(photo.token, pdf.token)),
    )  # fmt: skip
    session.commit()

    def cookie(key):
        secret = start_session(session=session, account_id=world.accounts[key], now=now)
        session.commit()
        return f"heka_lang=fi; heka_sid={secret}"

    status, body, _ = _get(f"/_files/messages/{photo.token}.thumb.jpg", cookie("co_resident"))
    assert status == 200 and body[:2] == b"\xff\xd8"
    status, body, headers = _get(f"/_files/messages/{pdf.token}.pdf", cookie("primary"))
    assert status == 200 and body == PDF
    assert headers[b"content-disposition"] == b"attachment"
    assert headers[b"content-type"] == b"application/pdf"
    assert _get(f"/_files/messages/{pdf.token}.jpg", cookie("primary"))[0] == 404
    assert _get(f"/_files/messages/{pdf.token}.pdf", cookie("neighbour"))[0] == 404
    assert _get(f"/_files/messages/{pdf.token}.pdf")[0] == 404
