"""An article's lead image and PDF attachments: the editor attaches them through the upload
pipeline (alt text required), and the files reach exactly the article's readers, over the
``/_files/content/`` route too, with the cache header its audience allows."""

from __future__ import annotations

import asyncio
import datetime as dt
import io

import pytest
from PIL import Image
from sqlmodel import select

from heka_app.models import Apartment, Article, ArticleTranslation, Building, Property, UserAccount
from heka_app.models.content_media import ArticleAttachment, ArticleImage
from heka_app.private_files import private_files
from heka_app.services.auth.actor import ANONYMOUS
from heka_app.services.auth.sessions import actor_for_account, start_session
from heka_app.services.common.results import NotAllowed, NotFound
from heka_app.services.content import editor_media
from heka_app.services.content.articles import get_article
from heka_app.services.content.files import NO_STORE, PRIVATE_CACHE, PUBLIC_CACHE, content_file
from heka_app.services.uploads import documents, storage
from heka_app.services.uploads.documents import NOT_A_PDF
from tests.factories import build_world, make_property

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
ALTS = {"fi": "Uusi leikkipaikka", "sv": "Den nya lekplatsen", "en": ""}


@pytest.fixture(autouse=True)
def upload_dir(tmp_path, monkeypatch):
    root = tmp_path / "uploads"
    root.mkdir()
    monkeypatch.setattr(storage, "upload_root", lambda: root)
    monkeypatch.setattr(documents, "upload_root", lambda: root)
    return root


@pytest.fixture
def world(session, now):
    return build_world(session, now)


def _actor(session, world, key, now):
    account = session.get(UserAccount, world.accounts[key])
    return actor_for_account(session=session, account=account, now=now)


def _jpeg_with_gps() -> bytes:
    out = io.BytesIO()
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make: must not survive the re-encoding
    Image.new("RGB", (1200, 800), (200, 90, 30)).save(out, "JPEG", exif=exif)
    return out.getvalue()


def _article(session, now, slug, *, state="published", audience="everyone", property_id=None):
    article = Article(
        slug=slug, kind="news", state=state, audience=audience, property_id=property_id,
        published_at=now - dt.timedelta(days=1),
    )  # fmt: skip
    session.add(article)
    session.flush()
    for lang in ("fi", "sv"):
        session.add(
            ArticleTranslation(article_id=article.id, language=lang, title=slug, body="Teksti")
        )
    session.flush()
    return article


def _home_property(session, world) -> Property:
    apartment = session.get(Apartment, world.apartments["home"])
    return session.get(Property, session.get(Building, apartment.building_id).property_id)


def _with_media(session, world, now, article):
    """Attach an image and a PDF as the editor; returns (image token, pdf token)."""
    editor = _actor(session, world, "content_editor", now)
    stored = editor_media.store_image(actor=editor, data=_jpeg_with_gps())
    result = editor_media.save_image(
        session=session, actor=editor, now=now, article_id=article.id,
        new_token=stored.token, alts=ALTS,
    )  # fmt: skip
    assert result.ok, result
    added = editor_media.add_attachment(
        session=session, actor=editor, now=now, article_id=article.id, data=PDF,
        name="C:\\Users\\x\\Pesutupa\x07 säännöt",
    )  # fmt: skip
    assert added.ok
    session.commit()
    pdf = session.exec(select(ArticleAttachment).where(ArticleAttachment.article_id == article.id))
    return stored.token, pdf.one().token


def test_alt_text_is_required_per_written_language_and_nothing_is_half_stored(session, world, now):
    editor = _actor(session, world, "content_editor", now)
    article = _article(session, now, "piha")
    assert not editor_media.save_image(
        session=session, actor=editor, now=now, article_id=article.id, new_token="", alts=ALTS
    ).ok  # no image picked
    stored = editor_media.store_image(actor=editor, data=_jpeg_with_gps())
    result = editor_media.save_image(
        session=session, actor=editor, now=now, article_id=article.id,
        new_token=stored.token, alts={"fi": " ", "sv": "", "en": "x" * 251},
    )  # fmt: skip
    assert set(result.field_errors) == {"alt_fi", "alt_sv", "alt_en"}  # sv is written, en long
    assert session.exec(select(ArticleImage)).all() == []
    assert editor_media.store_image(actor=editor, data=b"<svg onload=alert(1)>").error
    with pytest.raises(NotAllowed):
        editor_media.store_image(actor=_actor(session, world, "primary", now), data=b"x")


def test_image_is_reencoded_and_replacing_or_removing_takes_it_off(session, world, now):
    article = _article(session, now, "piha")
    token, pdf_token = _with_media(session, world, now, article)
    data = content_file(session=session, actor=ANONYMOUS, now=now, name=f"{token}.jpg").data
    with Image.open(io.BytesIO(data)) as image:
        assert image.size == (1200, 800) and not image.getexif()
    row = session.exec(select(ArticleAttachment)).one()
    assert row.name == "Pesutupa säännöt.pdf" and row.size_bytes == len(PDF)
    editor = _actor(session, world, "content_editor", now)
    newer = editor_media.store_image(actor=editor, data=_jpeg_with_gps())
    editor_media.save_image(
        session=session, actor=editor, now=now, article_id=article.id,
        new_token=newer.token, alts=ALTS,
    )  # fmt: skip
    editor_media.remove_attachment(
        session=session, actor=editor, now=now, article_id=article.id, attachment_id=row.id
    )
    session.commit()
    for gone in (f"{token}.jpg", f"{pdf_token}.pdf"):
        with pytest.raises(NotFound):
            content_file(session=session, actor=ANONYMOUS, now=now, name=gone)
    media = editor_media.media_for_editor(session=session, actor=editor, article_id=article.id)
    assert media.image_token == newer.token and media.attachments == ()
    editor_media.remove_image(session=session, actor=editor, now=now, article_id=article.id)
    assert session.exec(select(ArticleImage)).all() == []


def test_bad_pdfs_and_too_many_are_refused(session, world, now):
    editor = _actor(session, world, "content_editor", now)
    article = _article(session, now, "ohje")
    add = dict(session=session, actor=editor, now=now, article_id=article.id, name="a.pdf")
    assert editor_media.add_attachment(**add, data=b"%PDF-1.4 no end").form_error == NOT_A_PDF
    for _ in range(editor_media.MAX_ATTACHMENTS):
        assert editor_media.add_attachment(**add, data=PDF).ok
    assert editor_media.add_attachment(**add, data=PDF).form_error
    with pytest.raises(NotFound):
        editor_media.remove_attachment(
            session=session, actor=editor, now=now, article_id=article.id + 1, attachment_id=1
        )


def test_files_have_the_audience_of_their_article(session, world, now):
    home = _home_property(session, world)
    other = make_property(session)
    cases = {
        "public": _article(session, now, "public"),
        "mine": _article(session, now, "mine", audience="property", property_id=home.id),
        "theirs": _article(session, now, "theirs", audience="property", property_id=other.id),
        "draft": _article(session, now, "draft", state="draft"),
    }
    tokens = {key: _with_media(session, world, now, a) for key, a in cases.items()}
    readers = {
        "anonymous": ANONYMOUS,
        "primary": _actor(session, world, "primary", now),
        "maintenance": _actor(session, world, "maintenance", now),
        "content_editor": _actor(session, world, "content_editor", now),
    }
    expected = {  # reader -> article -> cache header, or None for "not found"
        "anonymous": {"public": PUBLIC_CACHE},
        "primary": {"public": PUBLIC_CACHE, "mine": PRIVATE_CACHE},
        "maintenance": {"public": PUBLIC_CACHE, "mine": PRIVATE_CACHE, "theirs": PRIVATE_CACHE},
        "content_editor": {
            "public": PUBLIC_CACHE, "mine": PRIVATE_CACHE, "theirs": PRIVATE_CACHE,
            "draft": NO_STORE,
        },
    }  # fmt: skip
    for who, actor in readers.items():
        for key, (image, pdf) in tokens.items():
            for name in (f"{image}.jpg", f"{image}.thumb.jpg", f"{pdf}.pdf"):
                want = expected[who].get(key)
                if want is None:
                    with pytest.raises(NotFound):
                        content_file(session=session, actor=actor, now=now, name=name)
                else:
                    served = content_file(session=session, actor=actor, now=now, name=name)
                    assert served.cache_control == want, (who, key, name)
    for bad in (f"{tokens['public'][0]}.pdf", f"{tokens['public'][1]}.jpg", "../x.jpg", "x"):
        with pytest.raises(NotFound):
            content_file(session=session, actor=ANONYMOUS, now=now, name=bad)


def test_article_page_carries_the_image_and_attachments(session, world, now):
    article = _article(session, now, "piha")
    token, pdf_token = _with_media(session, world, now, article)
    view = get_article(session=session, actor=ANONYMOUS, now=now, language="en", slug="piha")
    assert view.image is not None
    assert (view.image.width, view.image.height, view.image.thumb_width) == (1200, 800, 320)
    assert view.image.alt == "Uusi leikkipaikka"  # no English text: the Finnish one
    assert view.image.src == f"/_files/content/{token}.jpg"
    sv = get_article(session=session, actor=ANONYMOUS, now=now, language="sv", slug="piha")
    assert sv.image is not None and sv.image.alt == "Den nya lekplatsen"
    assert [(a.href, a.name, a.size) for a in sv.attachments] == [
        (f"/_files/content/{pdf_token}.pdf", "Pesutupa säännöt.pdf", "1 kB")
    ]


def _get(path: str, cookie: str = "") -> tuple[int, bytes, dict]:
    sent = []

    async def never_called(scope, receive, send):
        raise AssertionError("the portal app must not see file paths")

    async def send(message):
        sent.append(message)

    headers = [(b"cookie", cookie.encode())] if cookie else []
    scope = {"type": "http", "method": "GET", "path": path, "headers": headers}
    asyncio.run(private_files(never_called)(scope, None, send))
    return sent[0]["status"], sent[1]["body"], dict(sent[0]["headers"])


def test_the_route_answers_as_the_article_does(session, world, now, monkeypatch):
    monkeypatch.setattr("heka_app.private_files.utcnow", lambda: now)
    home = _home_property(session, world)
    mine = _article(session, now, "mine", audience="property", property_id=home.id)
    theirs = _article(
        session, now, "theirs", audience="property", property_id=make_property(session).id
    )
    public = _article(session, now, "public")
    draft = _article(session, now, "draft", state="draft")
    files = {a.slug: _with_media(session, world, now, a) for a in (mine, theirs, public, draft)}

    def cookie(key):
        secret = start_session(session=session, account_id=world.accounts[key], now=now)
        session.commit()
        return f"heka_lang=fi; heka_sid={secret}"

    status, body, headers = _get(f"/_files/content/{files['public'][0]}.jpg")
    assert status == 200 and body[:2] == b"\xff\xd8"
    assert headers[b"cache-control"] == PUBLIC_CACHE.encode()
    status, body, headers = _get(f"/_files/content/{files['mine'][1]}.pdf", cookie("primary"))
    assert status == 200 and body == PDF
    assert headers[b"content-type"] == b"application/pdf"
    assert headers[b"cache-control"] == PRIVATE_CACHE.encode()
    assert headers[b"content-disposition"].startswith(b"attachment; filename*=UTF-8''Pesutupa")
    assert _get(f"/_files/content/{files['mine'][1]}.pdf")[0] == 404
    assert _get(f"/_files/content/{files['theirs'][0]}.jpg", cookie("primary"))[0] == 404
    assert _get(f"/_files/content/{files['draft'][0]}.jpg", cookie("primary"))[0] == 404
    status, _, headers = _get(f"/_files/content/{files['draft'][0]}.jpg", cookie("content_editor"))
    assert status == 200 and headers[b"cache-control"] == NO_STORE.encode()
    status, _, headers = _get("/_files/content/../../heka.db", cookie("content_editor"))
    assert status == 404 and headers[b"cache-control"] == b"private, no-store"
