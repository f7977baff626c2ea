"""The content editor's screens: the list of all articles and the edit form with a live
preview per language. Every handler is guarded by ``content.edit`` (content_editor, admin)
and the services check it again."""

from __future__ import annotations

import dataclasses

import reflex as rx

from heka_app import routes
from heka_app.i18n import N_
from heka_app.services.common.clock import utcnow
from heka_app.services.common.results import NotFound
from heka_app.services.content import editor
from heka_app.services.content.editor_form import BODY_MAX, LANGUAGES, ArticleForm
from heka_app.services.content.editor_list import list_for_editor, target_options
from heka_app.services.content.markdown import render_markdown
from heka_app.services.content.permissions import EDIT
from heka_app.state.form_data import form_value
from heka_app.state.forms import FormState
from heka_app.state.guard import guard
from heka_app.state.matrix_payload import matrix_payload
from heka_app.state.service_calls import call_service
from heka_app.state.session import SessionState

_FIELD_LIMITS = {"title": 300, "summary": 600, "body": BODY_MAX + 100}
SAMPLE_FORM = {"kind": "news", "audience": "everyone", "title_fi": "Otsikko", "body_fi": "Teksti"}


class ContentEditorState(FormState, rx.State):
    """The editor's list and the article being edited (``article_no`` 0: a new one)."""

    rows: list[dict] = []
    article_no: int = 0
    form: dict[str, str] = {}
    form_key: int = 0  # changes when another article is opened: the inputs are rebuilt
    preview_html: dict[str, str] = {}
    offices: list[dict] = []
    properties: list[dict] = []
    history: list[dict] = []
    saved_notice: str = ""

    @rx.event
    async def load_list(self):
        """All articles with their state and missing translations."""
        actor, refusal = await guard(self, EDIT)
        if refusal is not None:
            return refusal
        language = (await self.get_state(SessionState)).lang
        rows = await call_service(list_for_editor, actor=actor, now=utcnow(), language=language)
        self.rows = [dataclasses.asdict(row) for row in rows]

    @rx.event
    async def open_editor(self):
        """Open ``?id=<article>`` for editing, or an empty form without an id."""
        actor, refusal = await guard(self, EDIT)
        if refusal is not None:
            return refusal
        self._clear_messages()
        self.saved_notice = ""
        options = await call_service(target_options, actor=actor)
        self.offices = [dataclasses.asdict(o) for o in options.area_offices]
        self.properties = [dataclasses.asdict(p) for p in options.properties]
        raw_id = str(self.router.url.query_parameters.get("id", ""))
        article_id = int(raw_id) if raw_id.isdigit() and len(raw_id) < 10 else 0
        form = ArticleForm()
        if article_id:
            try:
                form = await call_service(editor.load_form, actor=actor, article_id=article_id)
            except NotFound:
                article_id = 0
        self.article_no = article_id
        self._fill(form)
        await self._load_history(actor)

    def _fill(self, form: ArticleForm) -> None:
        values = _flat(form)
        self.form = values
        self.preview_html = {lang: render_markdown(values[f"body_{lang}"]) for lang in LANGUAGES}
        self.form_key += 1

    async def _load_history(self, actor) -> None:
        if not self.article_no:
            self.history = []
            return
        rows = await call_service(editor.audit_log, actor=actor, article_id=self.article_no)
        self.history = [
            {"at": row.at.strftime("%d.%m.%Y %H:%M"), "who": row.who, "action": row.action,
             "summary": row.summary}
            for row in rows
        ]  # fmt: skip

    @rx.event
    @matrix_payload(form_data=SAMPLE_FORM)
    async def save(self, form_data: dict):
        """Save the form (a new article is a draft); field messages on bad input, with
        everything typed kept in the form."""
        actor, refusal = await guard(self, EDIT)
        if refusal is not None:
            return refusal
        form = _form_from(form_data)
        self.busy = True
        outcome = await self._submit(
            editor.save_article, actor=actor, now=utcnow(), form=form,
            article_id=self.article_no or None,
        )  # fmt: skip
        self.form = {**self.form, **_flat(form)}
        if not outcome.result.ok:
            self._show(outcome.result)
            return
        self._show(outcome.result)
        first_save = not self.article_no
        self.article_no = outcome.article_id or 0
        self.saved_notice = N_("Saved.")
        await self._load_history(actor)
        if first_save:
            return rx.redirect(f"{routes.STAFF_CONTENT_EDIT}?id={self.article_no}")

    @rx.event
    async def publish(self):
        """Publish the saved article now, or at its scheduled time."""
        return await self._set_published(True)

    @rx.event
    async def unpublish(self):
        """Take the article off the pages (back to draft)."""
        return await self._set_published(False)

    async def _set_published(self, on: bool):
        actor, refusal = await guard(self, EDIT)
        if refusal is not None:
            return refusal
        if not self.article_no:
            self.error = N_("Save the article first.")
            return
        try:
            if on:
                await call_service(
                    editor.publish, actor=actor, now=utcnow(), article_id=self.article_no
                )
            else:
                await call_service(
                    editor.unpublish, actor=actor, now=utcnow(), article_id=self.article_no
                )
        except NotFound:
            self.error = N_("The article no longer exists.")
            return
        self.saved_notice = N_("Published.") if on else N_("Unpublished.")
        await self._load_history(actor)

    @rx.event
    @matrix_payload(text="**Tärkeää**")
    async def preview_fi(self, text: str):
        """Render the Finnish text as readers will see it."""
        return await self._preview("fi", text)

    @rx.event
    @matrix_payload(text="**Viktigt**")
    async def preview_sv(self, text: str):
        """Render the Swedish text as readers will see it."""
        return await self._preview("sv", text)

    @rx.event
    @matrix_payload(text="**Important**")
    async def preview_en(self, text: str):
        """Render the English text as readers will see it."""
        return await self._preview("en", text)

    async def _preview(self, lang: str, text: str):
        _, refusal = await guard(self, EDIT)
        if refusal is not None:
            return refusal
        body = text[: BODY_MAX + 100] if isinstance(text, str) else ""
        self.preview_html = {**self.preview_html, lang: render_markdown(body)}


def _form_from(data: object) -> ArticleForm:
    """The browser's form data as an :class:`ArticleForm` (any shape coerced and capped)."""
    texts = {
        lang: tuple(
            form_value(data, f"{part}_{lang}", _FIELD_LIMITS[part])
            for part in ("title", "summary", "body")
        )
        for lang in LANGUAGES
    }
    return ArticleForm(
        kind=form_value(data, "kind", 20),
        audience=form_value(data, "audience", 20),
        target_id=form_value(data, "target_id", 20),
        publish_at=form_value(data, "publish_at", 40),
        expires_at=form_value(data, "expires_at", 40),
        texts=texts,  # type: ignore[arg-type]  # three parts each, built just above
    )


def _flat(form: ArticleForm) -> dict[str, str]:
    values = {
        "kind": form.kind,
        "audience": form.audience,
        "target_id": form.target_id,
        "publish_at": form.publish_at,
        "expires_at": form.expires_at,
    }
    for lang in LANGUAGES:
        title, summary, body = form.texts.get(lang, ("", "", ""))
        values |= {f"title_{lang}": title, f"summary_{lang}": summary, f"body_{lang}": body}
    return values
