"""News and the editor over the raw websocket: another property's news stays "not found"
whatever path the client claims, and a tenant cannot write, publish or preview."""

from __future__ import annotations

import json

import pytest
from sqlmodel import func, select

from heka_app.db import session_scope
from heka_app.models import Article, ContentAuditEntry
from heka_app.state.content import ArticleState, NewsState
from heka_app.state.content_editor import ContentEditorState
from tests.e2e.ws_fixtures import handler_name as _name
from tests.e2e.ws_fixtures import ws_login as _login

pytestmark = pytest.mark.e2e
KONTULA_NEWS = "/news/pihatalkoot-kontulankaari"  # for the Kontula property only


def _article_delta(reply: dict) -> dict:
    return reply["delta"].get(ArticleState.get_full_name(), {})


def test_property_news_reaches_only_that_propertys_residents(ws_clients):
    own = ws_clients()
    _login(own, "tenant@demo.heka.example")  # lives in Kontula
    mine = _article_delta(own.emit(_name(ArticleState, "load"), path=KONTULA_NEWS))
    # In the account's language (another test may have saved Swedish or English).
    assert mine["article_rx_state_"]["slug"] == KONTULA_NEWS.rsplit("/", 1)[-1]
    assert mine.get("missing_rx_state_") is not True

    other = ws_clients()
    _login(other, "newtenant@demo.heka.example")  # lives at Capellan puistotie
    theirs = _article_delta(other.emit(_name(ArticleState, "load"), path=KONTULA_NEWS))
    assert theirs.get("missing_rx_state_") is True
    assert not theirs.get("article_rx_state_")
    listed = other.emit(_name(NewsState, "search"), {"form_data": {"query": "Pihatalkoot"}})
    # Loaders send only what changed: an empty result on a fresh tab sends no items at all.
    news = listed["delta"].get(NewsState.get_full_name(), {})
    assert news.get("items_rx_state_", []) == []

    anonymous = ws_clients()
    public = _article_delta(anonymous.emit(_name(ArticleState, "load"), path=KONTULA_NEWS))
    assert public.get("missing_rx_state_") is True


def _counts() -> tuple[int, int]:
    with session_scope() as session:
        articles = session.exec(select(func.count()).select_from(Article)).one()
        audits = session.exec(select(func.count()).select_from(ContentAuditEntry)).one()
    return articles, audits


def test_a_tenant_cannot_edit_publish_or_unpublish(ws_clients):
    sock = ws_clients()
    _login(sock, "tenant@demo.heka.example")
    before = _counts()
    form = {"kind": "news", "audience": "everyone", "title_fi": "Huijaus", "body_fi": "x"}
    saved = sock.emit(_name(ContentEditorState, "save"), {"form_data": form})
    opened = sock.emit(_name(ContentEditorState, "open_editor"), path="/staff/content/edit?id=1")
    sock.emit(_name(ContentEditorState, "publish"))
    sock.emit(_name(ContentEditorState, "unpublish"))
    preview = sock.emit(_name(ContentEditorState, "preview_fi"), {"text": "**x**"})
    assert _counts() == before
    text = json.dumps([saved, opened, preview], ensure_ascii=False)
    assert "form_rx_state_" not in text and "preview_html_rx_state_" not in text
    assert "rows_rx_state_" not in text
