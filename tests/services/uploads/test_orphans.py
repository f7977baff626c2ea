"""Photos picked for a form that was never sent are deleted a day later; attached ones
and fresh ones stay."""

from __future__ import annotations

import datetime as dt
import io
import os

import pytest
from PIL import Image

from heka_app.models.faults import FaultPhoto, FaultReport
from heka_app.models.messages import MessageThread, ThreadAttachment, ThreadMessage
from heka_app.services.jobs.housekeeping import purge_expired
from heka_app.services.uploads import documents, storage
from heka_app.services.uploads.images import process_image
from heka_app.services.uploads.orphans import purge_orphans
from tests.factories import make_apartment, make_lease


@pytest.fixture(autouse=True)
def upload_dir(tmp_path, monkeypatch):
    root = tmp_path / "uploads"
    root.mkdir()
    monkeypatch.setattr(storage, "upload_root", lambda: root)
    monkeypatch.setattr(documents, "upload_root", lambda: root)
    return root


def _stored(age: dt.timedelta, now: dt.datetime) -> str:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (10, 120, 10)).save(out, "JPEG")
    token = storage.store_photo(process_image(out.getvalue()))
    stamp = (now - age).timestamp()
    for path in storage.upload_root().glob(f"*/{token}*"):
        os.utime(path, (stamp, stamp))
    return token


def _files(token: str) -> list[str]:
    return sorted(p.name for p in storage.upload_root().glob(f"*/{token}*"))


def test_only_old_unattached_uploads_are_deleted(session, now):
    report = FaultReport(
        submission_id="s1", apartment_id=make_apartment(session).id, category="other",
        description="x", created_at=now, updated_at=now,
    )  # fmt: skip
    session.add(report)
    session.flush()
    attached = _stored(dt.timedelta(days=3), now)
    session.add(
        FaultPhoto(report_id=report.id, token=attached, width=40, height=30, size_bytes=1,
                   created_at=now)
    )  # fmt: skip
    session.flush()
    abandoned = _stored(dt.timedelta(hours=25), now)
    fresh = _stored(dt.timedelta(hours=2), now)
    assert len(_files(abandoned)) == 3  # photo, thumbnail, size

    assert purge_orphans(session=session, now=now) == 1
    assert _files(abandoned) == []
    assert len(_files(attached)) == 3 and len(_files(fresh)) == 3
    assert storage.photo_exists(attached) and not storage.photo_exists(abandoned)


def _attachment(session, now, token):
    thread = MessageThread(
        submission_id="t1", lease_id=make_lease(session, now=now).id, topic="general",
        subject="Kysymys", queue="customer_service", created_at=now, updated_at=now,
    )  # fmt: skip
    session.add(thread)
    session.flush()
    message = ThreadMessage(thread_id=thread.id, kind="message", text="Kuva", created_at=now)
    session.add(message)
    session.flush()
    return ThreadAttachment(thread_id=thread.id, message_id=message.id, token=token, created_at=now)


def test_message_attachments_are_kept_and_abandoned_pdfs_deleted(session, now):
    from heka_app.services.uploads.documents import pdf_exists, store_pdf

    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    abandoned = store_pdf(pdf)
    kept_photo = _stored(dt.timedelta(days=3), now)
    session.add(_attachment(session, now, kept_photo))
    session.flush()
    stamp = (now - dt.timedelta(days=2)).timestamp()
    for path in storage.upload_root().glob(f"*/{abandoned}*"):
        os.utime(path, (stamp, stamp))
    assert purge_orphans(session=session, now=now) == 1
    assert not pdf_exists(abandoned) and storage.photo_exists(kept_photo)


def test_hourly_housekeeping_includes_the_uploads(session, now):
    _stored(dt.timedelta(days=2), now)
    assert purge_expired(session=session, now=now)["uploaded_file"] == 1


def test_article_images_and_attachments_are_kept(session, now):
    from heka_app.models import Article
    from heka_app.models.content_media import ArticleAttachment, ArticleImage
    from heka_app.services.uploads.documents import pdf_exists, store_pdf

    article = Article(slug="piha", kind="news", published_at=now)
    session.add(article)
    session.flush()
    image, replaced = _stored(dt.timedelta(days=3), now), _stored(dt.timedelta(days=3), now)
    pdf = store_pdf(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    stamp = (now - dt.timedelta(days=2)).timestamp()
    for path in storage.upload_root().glob(f"*/{pdf}*"):
        os.utime(path, (stamp, stamp))
    session.add(
        ArticleImage(article_id=article.id, token=image, width=40, height=30, alt_fi="Piha",
                     created_at=now)
    )  # fmt: skip
    session.add(ArticleAttachment(article_id=article.id, token=pdf, name="a.pdf", created_at=now))
    session.flush()
    assert purge_orphans(session=session, now=now) == 1  # the image the editor replaced
    assert storage.photo_exists(image) and pdf_exists(pdf)
    assert not storage.photo_exists(replaced)
