"""Public information every page shows: area offices (footer) and the latest news."""

from __future__ import annotations

import dataclasses

import reflex as rx

from heka_app.services.content.news import latest_public_news
from heka_app.services.housing.area_offices import list_area_offices
from heka_app.state.service_calls import call_service


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
        self.offices = [dataclasses.asdict(office) for office in offices]
        self.news = [dataclasses.asdict(item) for item in news]
        self.loaded = True
