"""Attachments: photos through the shared pipeline (metadata gone), PDFs checked, both
attached once to the message and handed only to those who may see the thread."""

from __future__ import annotations

import io

import pytest
from PIL import Image

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


def test_bad_files_are_refused(actor):
    tenant = actor("primary")
    assert upload_attachment(actor=tenant, data=b"%PDF-1.4 no end").error == NOT_A_PDF
    assert upload_attachment(actor=tenant, data=b"<script>alert(1)</script>").error
    with pytest.raises(NotAllowed):
        upload_attachment(actor=actor("upcoming"), data=PDF)
