"""What residents and visitors read: area offices (footer), the latest news (landing),
news and instruction lists, and one article."""

from __future__ import annotations

import dataclasses

import reflex as rx

from heka_app.i18n import N_
from heka_app.i18n.catalogs import gettext
from heka_app.services.accounts import permissions as accounts
from heka_app.services.common.clock import utcnow
from heka_app.services.common.results import NotFound
from heka_app.services.content.articles import MAX_QUERY, get_article
from heka_app.services.content.news import latest_public_news
from heka_app.services.content.news_page import news_page
from heka_app.services.housing.area_offices import list_area_offices
from heka_app.services.notifications.preferences import NEWS_MY_BUILDING, set_email_choice
from heka_app.state.browser_actions import ask_browser
from heka_app.state.changed import assign_changed
from heka_app.state.form_data import form_value
from heka_app.state.guard import guard
from heka_app.state.matrix_payload import matrix_payload
from heka_app.state.plain_data import as_dict
from heka_app.state.service_calls import call_service
from heka_app.state.session import SessionState
from heka_app.state.shared_rows import shared, shared_plain


class PublicInfoState(rx.State):
    """Small view rows; no tenant data, so the handler needs no actor."""

    offices: list[dict] = []
    news: list[dict] = []
    loaded: bool = False

    @rx.event
    async def load(self):
        """Load offices and news for the footer and landing page. Public by design."""
        if self.loaded:
            return
        offices = await call_service(list_area_offices)
        news = await call_service(latest_public_news)
        # The same rows for every tab: one list for all of them (state/shared_rows.py).
        self.offices = shared_plain("offices", [dataclasses.asdict(o) for o in offices])
        self.news = shared_plain("public news", [dataclasses.asdict(item) for item in news])
        self.loaded = True


MAIL_ON = N_("You will get news about your building by email.")
MAIL_OFF = N_("You will no longer get news by email.")


class NewsState(rx.State):
    """A list of news or instructions, one page at a time, in the session's language
    (reloaded on a switch: see pages/registry.py). Anyone may read what is meant for them:
    the service decides from the session's actor, never from the payload."""

    kind: str = "news"
    items: list[dict] = []
    page: int = 1
    pages: int = 1
    total: int = 0
    query: str = ""
    loaded: bool = False
    can_subscribe: bool = False  # a resident: may ask for mail about their building's news
    news_mail: bool = False

    @rx.event
    async def load_news(self):
        """Open the news list (public items for visitors, more for residents and staff)."""
        self.kind, self.query, self.page = "news", "", 1
        await self._load()

    @rx.event
    async def load_instructions(self):
        """Open the residents' instructions list."""
        self.kind, self.query, self.page = "instruction", "", 1
        await self._load()

    @rx.event
    @matrix_payload(form_data={"query": "sauna"})
    async def search(self, form_data: dict):
        """Search this list's items (title, summary and text, in any language)."""
        self.query = form_value(form_data, "query", MAX_QUERY).strip()
        self.page = 1
        await self._load()

    @rx.event
    @matrix_payload(page=2)
    async def go_to_page(self, page: int):
        """Show page ``page`` (clamped by the service to the pages that exist)."""
        self.page = page if isinstance(page, int) and not isinstance(page, bool) else 1
        await self._load()

    @rx.event
    @matrix_payload(on=True)
    async def set_news_mail(self, on: bool):
        """Turn the caller's own "news about my building by email" on or off."""
        actor, refusal = await guard(self, accounts.VIEW)
        if refusal is not None:
            return refusal
        self.news_mail = await call_service(
            set_email_choice, actor=actor, kind=NEWS_MY_BUILDING, email=on is True, now=utcnow()
        )
        message = MAIL_ON if self.news_mail else MAIL_OFF
        language = (await self.get_state(SessionState)).lang
        await ask_browser(self, "toast_success", gettext(language, message))

    async def _load(self) -> None:
        session_state = await self.get_state(SessionState)
        actor = await session_state._actor()
        self.can_subscribe = actor.is_tenant
        # The mail choice and the list in one service call (issue 15: CPU per event).
        view = await call_service(
            news_page,
            actor=actor,
            now=utcnow(),
            language=session_state.lang,
            kind=self.kind,
            query=self.query,
            page=max(1, min(self.page, 10_000)),
        )
        if view.news_mail is not None:
            self.news_mail = view.news_mail
        result = view.articles
        assign_changed(
            self,
            # One list for every tab showing the same rows (state/shared_rows.py), built
            # without deep copies (issue 15).
            items=shared(result.items, lambda: [as_dict(i) for i in result.items]),
            page=result.page,
            pages=result.pages,
            total=result.total,
            loaded=True,
        )


class ArticleState(rx.State):
    """One article by the readable URL it is opened at (``/news/<slug>``)."""

    article: dict = {}
    image: dict[str, str | int] = {}  # the lead image (src, thumb, widths, height, alt)
    attachments: list[dict[str, str]] = []
    missing: bool = False

    @rx.event
    async def load(self):
        """Open the article named by the page URL; "not found" for anything not meant for
        this reader (another property's news looks the same as no news)."""
        session_state = await self.get_state(SessionState)
        slug = str(self.router.url.path).rstrip("/").rsplit("/", 1)[-1]
        try:
            view = await call_service(
                get_article,
                actor=await session_state._actor(),
                now=utcnow(),
                language=session_state.lang,
                slug=slug,
            )
        except NotFound:
            self.article, self.image, self.attachments, self.missing = {}, {}, [], True
            return
        self.article = dataclasses.asdict(view)
        self.image = self.article.pop("image") or {}
        self.attachments = list(self.article.pop("attachments"))
        self.missing = False
