"""The rent page: a primary tenant's overview, the co-residents' explanation, and rent
monitoring's search and view of any lease. Statements download from here too."""

from __future__ import annotations

import reflex as rx

from heka_app.i18n.catalogs import gettext
from heka_app.services.auth.authorization import authorize
from heka_app.services.common.clock import utcnow
from heka_app.services.common.results import NotAllowed, NotFound
from heka_app.services.rent import access
from heka_app.services.rent.downloads import statement_file
from heka_app.services.rent.overview import rent_overview
from heka_app.services.rent.permissions import PAGE, VIEW, VIEW_ANY
from heka_app.services.rent.statement import WINDOW_MONTHS
from heka_app.state.browser_actions import ask_browser
from heka_app.state.changed import assign_changed
from heka_app.state.form_data import form_value
from heka_app.state.guard import guard
from heka_app.state.matrix_payload import matrix_payload
from heka_app.state.plain_data import as_dict, plain
from heka_app.state.service_calls import call_service
from heka_app.state.session import SessionState

TENANT = "tenant"
CO_RESIDENT = "co_resident"
STAFF = "staff"
# The statement opens with its newest months, like a bank's account statement, and shows
# earlier ones on request (issue 9): all 24 months were hundreds of table rows that a phone
# had to render before it could answer a tap.
STATEMENT_FIRST_MONTHS = 3
STATEMENT_MORE_MONTHS = 3


class RentState(rx.State):
    """The overview as plain dicts in the session's language (reloaded on a switch)."""

    mode: str = ""  # tenant | co_resident | staff
    view: dict = {}
    payment: dict = {}
    # The window's months, totals only: the table, and the chart's bars (which take short,
    # charges_euros and paid_euros of each in the browser: no second list for the chart).
    months: list[dict] = []
    # The newest ``statement_months`` months: key, label and rows (the totals are in months).
    statement: list[dict] = []
    statement_months: int = STATEMENT_FIRST_MONTHS
    overdue: list[dict] = []
    period_end: str = ""
    no_amount: bool = False
    loaded: bool = False
    download_first: str = ""
    download_last: str = ""
    download_error: str = ""  # a msgid, translated in the browser
    query: str = ""
    hits: list[dict] = []
    searched: bool = False
    # Staff only: the lease being viewed and the leases the last search found, by
    # contract number, so no internal id goes to the browser.
    _lease_id: int | None = None
    _hits: dict[str, int] = {}

    async def _show(self, actor) -> None:
        language = (await self.get_state(SessionState)).lang
        view = await call_service(
            rent_overview,
            actor=actor,
            now=utcnow(),
            language=language,
            lease_id=self._lease_id if actor.is_staff else None,
            period_end=self.period_end,
            rows_months=self.statement_months,  # the rows of the months shown, no more
        )
        months = view.months
        # Converted part by part: the months' totals without their rows, the rows only of
        # the months shown (issue 15: the whole overview as dicts was 10 % of /rent's CPU).
        assign_changed(  # a repeat visit resends none of the 20 KB that did not change
            self,
            payment=as_dict(view.payment),
            months=[as_dict(m, omit=("rows",)) for m in months],
            statement=[
                {"key": m.key, "label": m.label, "rows": plain(m.rows)}
                for m in months[: self.statement_months]
            ],
            overdue=plain(list(view.overdue)),
            view=as_dict(view, omit=("months", "payment", "overdue")),
        )
        self.period_end = view.period_end
        if not self.download_last:
            self.download_last = utcnow().strftime("%Y-%m")
            self.download_first = view.months[min(11, len(view.months) - 1)].key
        self.loaded = True

    @rx.event
    async def load(self):
        """Open /rent (guard: rent.page); the data needs rent.view / rent.view_any."""
        actor, refusal = await guard(self, PAGE)
        if refusal is not None:
            self.reset()
            return refusal
        if actor.is_staff:
            self.mode = STAFF
            if self._lease_id is None:
                self.loaded = True
                return None
        elif not authorize(actor, VIEW).allowed:
            self.mode = CO_RESIDENT
            self.loaded = True
            return None
        else:
            self.mode = TENANT
        self.statement_months = STATEMENT_FIRST_MONTHS
        await self._show(actor)
        return None

    @rx.event
    @matrix_payload(period_end="2025-11")
    async def show_period(self, period_end: str):
        """Move the statement's 24 months to end with ``period_end`` (guard: rent.page;
        the service checks rent.view / rent.view_any)."""
        actor, refusal = await guard(self, PAGE)
        if refusal is not None:
            return refusal
        self.period_end = period_end[:7] if isinstance(period_end, str) else ""
        self.statement_months = STATEMENT_FIRST_MONTHS
        return await self._show_or_refuse(actor)

    @rx.event
    @matrix_payload(months=6)
    async def show_months(self, months: int):
        """Show the statement's newest ``months`` months of the window, 1..24 (guard:
        rent.page; the service checks rent.view / rent.view_any). Any other value, a
        forged one, changes nothing."""
        actor, refusal = await guard(self, PAGE)
        if refusal is not None:
            return refusal
        if type(months) is not int or not 1 <= months <= WINDOW_MONTHS:
            return None
        self.statement_months = months
        return await self._show_or_refuse(actor)

    async def _show_or_refuse(self, actor):
        # The months come from the service again, never from what this tab was sent
        # before: the service decides whose statement the actor may read.
        try:
            await self._show(actor)
        except (NotAllowed, NotFound):
            language = (await self.get_state(SessionState)).lang
            await ask_browser(
                self, "toast_error", gettext(language, "You do not have access to this.")
            )
        return None

    @rx.event
    @matrix_payload(no_amount=True)
    def choose_amount(self, no_amount: bool):
        """Show the barcode without an amount (or with). Public: toggles own view only."""
        self.no_amount = no_amount is True

    @rx.event
    @matrix_payload(form_data={"first": "2026-01", "last": "2026-11", "format": "pdf"})
    async def download(self, form_data: dict):
        """The statement of a chosen period as PDF or CSV (guard: rent.page; the service
        checks rent.view / rent.view_any)."""
        actor, refusal = await guard(self, PAGE)
        if refusal is not None:
            return refusal
        self.download_first = form_value(form_data, "first", 7)
        self.download_last = form_value(form_data, "last", 7)
        language = (await self.get_state(SessionState)).lang
        try:
            result = await call_service(
                statement_file,
                actor=actor,
                now=utcnow(),
                language=language,
                first=self.download_first,
                last=self.download_last,
                fmt=form_value(form_data, "format", 3),
                lease_id=self._lease_id if actor.is_staff else None,
            )
        except (NotAllowed, NotFound):
            await ask_browser(
                self, "toast_error", gettext(language, "You do not have access to this.")
            )
            return None
        self.download_error = result.error
        if not result.ok:
            return None
        return rx.download(data=result.content, filename=result.filename)

    @rx.event
    @matrix_payload(form_data={"query": "Testinen"})
    async def search(self, form_data: dict):
        """Find leases by contract, reference, address or name (guard: rent.view_any)."""
        actor, refusal = await guard(self, VIEW_ANY)
        if refusal is not None:
            return refusal
        self.query = form_value(form_data, "query", 80)
        found = await call_service(access.search_leases, actor=actor, query=self.query)
        self._hits = {hit.contract_number: hit.lease_id for hit in found}
        self.hits = [
            {"contract_number": h.contract_number, "address": h.address, "tenants": h.tenants}
            for h in found
        ]
        self.searched = True
        return None

    @rx.event
    @matrix_payload(contract_number="HK-T-1")
    async def open_lease(self, contract_number: str):
        """Show the rent of a lease the last search found (guard: rent.view_any)."""
        actor, refusal = await guard(self, VIEW_ANY)
        if refusal is not None:
            return refusal
        lease_id = self._hits.get(contract_number) if isinstance(contract_number, str) else None
        if lease_id is None:
            return None
        self._lease_id = lease_id
        self.period_end = ""
        self.no_amount = False
        self.statement_months = STATEMENT_FIRST_MONTHS
        await self._show(actor)
        return None
