"""Staff: find a resident and read the history of their detail changes.

The account ids of a search stay in ``_hits`` on the server; the browser names a hit by
its row key, so no internal id leaves the server (as the rent tool does with contract
numbers)."""

from __future__ import annotations

import dataclasses

import reflex as rx

from heka_app.services.accounts import change_log
from heka_app.services.accounts.permissions import VIEW_CHANGES
from heka_app.state.form_data import form_value
from heka_app.state.guard import guard
from heka_app.state.matrix_payload import matrix_payload
from heka_app.state.service_calls import call_service
from heka_app.state.session import SessionState


class AccountChangesState(rx.State):
    """View vars of /staff/account-changes."""

    allowed: bool = False
    query: str = ""
    searched: bool = False
    hits: list[dict[str, str]] = []
    chosen: str = ""  # the name of the resident whose history shows
    history: list[dict[str, str]] = []
    _hits: dict[str, int] = {}

    @rx.event
    async def open(self):
        """A fresh page (guard: account.view_changes)."""
        self.reset()
        _, refusal = await guard(self, VIEW_CHANGES)
        self.allowed = refusal is None
        return refusal

    @rx.event
    @matrix_payload(form_data={"query": "Testinen"})
    async def search(self, form_data: dict):
        """Find resident accounts by name or email (guard: account.view_changes)."""
        actor, refusal = await guard(self, VIEW_CHANGES)
        if refusal is not None:
            return refusal
        self.query = form_value(form_data, "query", 100)
        found = await call_service(change_log.find_residents, actor=actor, text=self.query)
        self._hits = {str(n): hit.account_id for n, hit in enumerate(found)}
        self.hits = [{"key": str(n), "name": h.name, "email": h.email} for n, h in enumerate(found)]
        self.searched = True
        self.chosen, self.history = "", []

    @rx.event
    @matrix_payload(key="0")
    async def open_history(self, key: str):
        """Show the change history of a resident the last search found."""
        actor, refusal = await guard(self, VIEW_CHANGES)
        if refusal is not None:
            return refusal
        account_id = self._hits.get(key) if isinstance(key, str) else None
        if account_id is None:
            return None
        language = (await self.get_state(SessionState)).lang
        rows = await call_service(
            change_log.history_of, actor=actor, account_id=account_id, language=language
        )
        self.history = [dataclasses.asdict(row) for row in rows]
        self.chosen = next((h["name"] for h in self.hits if h["key"] == key), "")
        return None
