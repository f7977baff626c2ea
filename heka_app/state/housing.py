"""The tenant's home page: their home, property contacts and what is open to them."""

from __future__ import annotations

import dataclasses

import reflex as rx

from heka_app import routes
from heka_app.i18n import N_
from heka_app.services.common.clock import utcnow
from heka_app.services.housing.front_page import front_page
from heka_app.services.housing.home_details import home_details
from heka_app.services.housing.permissions import VIEW_HOME
from heka_app.state.changed import assign_changed
from heka_app.state.guard import guard
from heka_app.state.plain_data import as_dict
from heka_app.state.service_calls import call_service
from heka_app.state.session import SessionState

LEASE_STARTS = N_("Lease starts")
LEASE_STARTED = N_("Lease started")


class HomeState(rx.State):
    """Small view data of the actor's home, in the session's language (reloaded on a
    switch: see pages/registry.py)."""

    home: dict = {}
    opens_on: str = ""
    attention: list[dict] = []
    loaded: bool = False
    lease_label: str = LEASE_STARTS

    @rx.event
    async def load(self):
        """Load the actor's own home (guard: home.view)."""
        actor, refusal = await guard(self, VIEW_HOME)
        if refusal is not None:
            self.reset()
            if (await self.get_state(SessionState)).is_staff:
                return rx.redirect(routes.STAFF)  # staff have no home here: their front page
            return refusal
        language = (await self.get_state(SessionState)).lang
        # One service call for both parts (issue 15: CPU per event).
        page = await call_service(front_page, actor=actor, now=utcnow(), language=language)
        view = page.home
        opens_on = view.opens_on if view else ""
        assign_changed(  # a repeat visit with nothing new sends nothing
            self,
            attention=[as_dict(item) for item in page.attention],  # no deep copies
            home=as_dict(view) if view else {},
            opens_on=opens_on,
            lease_label=LEASE_STARTS if opens_on else LEASE_STARTED,
            loaded=True,
        )


class HomeDetailsState(rx.State):
    """The "My home" page: apartment, lease, household, property and area office in the
    session's language (reloaded on a switch)."""

    details: dict = {}
    loaded: bool = False

    @rx.event
    async def load(self):
        """Load the actor's own home details (guard: home.view)."""
        actor, refusal = await guard(self, VIEW_HOME)
        if refusal is not None:
            self.reset()
            return refusal
        language = (await self.get_state(SessionState)).lang
        view = await call_service(home_details, actor=actor, now=utcnow(), language=language)
        self.details = dataclasses.asdict(view) if view else {}
        self.loaded = True
