"""The tenant's home page: their home, property contacts and what is open to them."""

from __future__ import annotations

import dataclasses

import reflex as rx

from heka_app.i18n import LANGUAGES
from heka_app.i18n.formatting import format_date
from heka_app.services.housing.home import home_overview
from heka_app.state.guard import guard
from heka_app.state.service_calls import call_service


class HomeState(rx.State):
    """Small view data of the actor's home."""

    home: dict = {}
    opens_on: dict[str, str] = {}
    loaded: bool = False

    @rx.event
    async def load(self):
        """Load the actor's own home (guard: home.view)."""
        actor, refusal = await guard(self, "home.view")
        if refusal is not None:
            self.reset()
            return refusal
        view = await call_service(home_overview, actor=actor)
        self.home = dataclasses.asdict(view) if view else {}
        self.opens_on = (
            {lang: format_date(actor.opens_on, lang) for lang in LANGUAGES}
            if actor.opens_on
            else {}
        )
        self.loaded = True
