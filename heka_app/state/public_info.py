"""Public information every page shows: area offices (footer) and the latest news."""

from __future__ import annotations

import asyncio
import dataclasses

import reflex as rx

from heka_app.db import session_scope
from heka_app.services.area_offices import list_area_offices
from heka_app.services.public_news import latest_public_news


def _load_public_info() -> tuple[list[dict], list[dict]]:
    with session_scope() as session:
        offices = [dataclasses.asdict(o) for o in list_area_offices(session=session)]
        news = [dataclasses.asdict(n) for n in latest_public_news(session=session)]
    return offices, news


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
        self.offices, self.news = await asyncio.to_thread(_load_public_info)
        self.loaded = True
