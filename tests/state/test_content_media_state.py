"""The editor's image and attachment handlers on real state objects: a picked image waits
for its descriptions (what was typed kept on an error), PDFs attach at once, bad files get
a message, and everything acts on the article the editor opened."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from sqlmodel import Session, select

from heka_app.models import Article, ArticleTranslation
from heka_app.models.content_media import ArticleImage
from heka_app.services.uploads import documents, storage
from heka_app.services.uploads.documents import NOT_A_PDF
from heka_app.state.content_editor import ContentEditorState
from heka_app.state.content_media import ContentMediaState
from tests.factories import build_world
from tests.state.handler_calls import call, run, signed_in_root, substate

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


class _Upload:
    """What Reflex hands an upload handler: a name and ``await read(n)``."""

    def __init__(self, name: str, data: bytes):
        self.name, self._data = name, data

    async def read(self, size: int = -1) -> bytes:
        return self._data if size < 0 else self._data[:size]


@pytest.fixture(autouse=True)
def uploads(tmp_path, monkeypatch):
    monkeypatch.setattr(storage, "upload_root", lambda: tmp_path)
    monkeypatch.setattr(documents, "upload_root", lambda: tmp_path)


@pytest.fixture
def world(engine, now):
    with Session(engine) as s:
        return build_world(s, now)


@pytest.fixture
def article_id(engine, now, world):
    with Session(engine) as s:
        article = Article(slug="piha", kind="news", state="draft", published_at=now)
        s.add(article)
        s.flush()
        s.add(ArticleTranslation(article_id=article.id, language="fi", title="Piha", body="x"))
        s.commit()
        return article.id


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (640, 480), (30, 90, 160)).save(out, "PNG")
    return out.getvalue()


def test_image_waits_for_its_description_and_pdfs_attach(engine, now, world, article_id):
    _, root = signed_in_root(engine, now, "content_editor", world=world)
    substate(root, ContentEditorState).article_no = article_id  # as open_editor leaves it
    media = substate(root, ContentMediaState)
    run(call(media, "load_media"))
    assert media.article_no == article_id and media.image_thumb == ""

    run(call(media, "upload_image", [_Upload("kuva.txt", b"not an image")]))
    assert media.field_errors.get("image") and not media.preview
    run(call(media, "upload_image", [_Upload("piha.png", _png())]))
    assert media.preview.startswith("data:image/jpeg;base64,")
    run(call(media, "save_image", {"alt_fi": "", "alt_sv": "Gården"}))
    assert set(media.field_errors) == {"alt_fi"} and media.alts["sv"] == "Gården"
    with Session(engine) as s:
        assert s.exec(select(ArticleImage)).all() == []
    run(call(media, "save_image", {"alt_fi": "Piha", "alt_sv": "Gården"}))
    assert media.field_errors == {} and media.preview == ""
    assert media.image_thumb.startswith("/_files/content/")

    files = [_Upload("C:\\temp\\Ohje.pdf", PDF), _Upload("virus.pdf", b"MZ\x90")]
    run(call(media, "upload_pdf", files))
    assert media.pdf_error == NOT_A_PDF
    assert [a["name"] for a in media.attachments] == ["Ohje.pdf"]
    run(call(media, "remove_attachment", media.attachments[0]["id"]))
    run(call(media, "remove_image"))
    assert media.attachments == [] and media.image_thumb == ""


def test_a_new_article_gets_nothing_attached(engine, now, world, article_id):
    _, root = signed_in_root(engine, now, "content_editor", world=world)
    media = substate(root, ContentMediaState)
    run(call(media, "load_media"))  # no article opened: article_no 0
    run(call(media, "upload_pdf", [_Upload("a.pdf", PDF)]))
    assert media.pdf_error and media.attachments == []
    run(call(media, "save_image", {"alt_fi": "Piha"}))
    assert media.error
