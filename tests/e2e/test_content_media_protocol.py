"""The editor's image and attachment handlers over the raw websocket as the wrong user: a
tenant or a non-editor member of staff changes nothing and learns nothing of the files;
another property's resident gets no image or attachment with the "not found" article."""

from __future__ import annotations

import json

import pytest
from sqlmodel import func, select

from heka_app.db import session_scope
from heka_app.models import ArticleAttachment, ArticleImage, ContentAuditEntry
from heka_app.state.content import ArticleState
from heka_app.state.content_media import ContentMediaState
from tests.e2e.ws_fixtures import handler_name as _name
from tests.e2e.ws_fixtures import ws_login as _login

pytestmark = pytest.mark.e2e
EDIT_PATH = "/staff/content/edit?id=4"  # the Kontula property's news item


def _counts() -> tuple[int, int, int]:
    with session_scope() as session:
        return tuple(
            session.exec(select(func.count()).select_from(model)).one()
            for model in (ArticleImage, ArticleAttachment, ContentAuditEntry)
        )


@pytest.mark.parametrize(
    "email", ["tenant@demo.heka.example", "staff.customer_service@demo.heka.example"]
)
def test_only_editors_change_images_and_attachments(ws_clients, email):
    sock = ws_clients()
    _login(sock, email)
    before = _counts()
    replies = [
        sock.emit(_name(ContentMediaState, "load_media"), path=EDIT_PATH),
        sock.emit(_name(ContentMediaState, "save_image"), {"form_data": {"alt_fi": "Huijaus"}}),
        sock.emit(_name(ContentMediaState, "remove_image")),
        sock.emit(_name(ContentMediaState, "remove_attachment"), {"attachment_id": 1}),
        sock.emit(_name(ContentMediaState, "upload_pdf"), {"files": []}),
        sock.emit(_name(ContentMediaState, "upload_image"), {"files": []}),
    ]
    assert _counts() == before
    text = json.dumps(replies, ensure_ascii=False)
    for leaked in ("image_thumb_rx_state_", "attachments_rx_state_", "alts_rx_state_", "/_files/"):
        assert leaked not in text


def test_another_propertys_resident_gets_no_files_of_its_article(ws_clients):
    other = ws_clients()
    _login(other, "newtenant@demo.heka.example")  # lives at Capellan puistotie
    reply = other.emit(_name(ArticleState, "load"), path="/news/pihatalkoot-kontulankaari")
    delta = reply["delta"].get(ArticleState.get_full_name(), {})
    assert delta.get("missing_rx_state_") is True
    assert not delta.get("image_rx_state_") and not delta.get("attachments_rx_state_")
    assert "/_files/content/" not in json.dumps(reply)
