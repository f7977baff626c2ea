"""The staff inbox (/staff/messages): the threads routed to the handler, filtered, a page
at a time, with counts per status. One thread's handling page: state/staff_messages.py."""

from __future__ import annotations

from urllib.parse import urlencode

import reflex as rx

from heka_app import routes
from heka_app.i18n import N_
from heka_app.services.messages import inbox, statuses
from heka_app.services.messages.inbox import InboxFilters
from heka_app.services.messages.permissions import HANDLE
from heka_app.services.messages.routing import QUEUE_LABELS
from heka_app.services.service_requests import definitions as d
from heka_app.state.browser_actions import ask_browser
from heka_app.state.form_data import form_value
from heka_app.state.matrix_payload import matrix_payload
from heka_app.state.paging import PagingMixin


def key_label_rows(pairs) -> list[dict]:
    """``(key, label)`` pairs as rows for a select or a list."""
    return [{"key": k, "label": v} for k, v in pairs]


KINDS = key_label_rows([("messages", N_("Messages")), *((t.key, t.label) for t in d.REQUEST_TYPES)])
STATUS_FILTERS = key_label_rows([("open", N_("Open")), *statuses.STAFF_STATUS_LABELS.items()])


def read_filters(values: object) -> dict[str, str]:
    """The inbox filters in ``values`` (the filter form, or the page's query), capped;
    ``{}`` when none is set (the default view: open threads)."""
    filters = {
        "status": form_value(values, "status", 16),
        "queue": form_value(values, "queue", 24),
        "kind": form_value(values, "kind", 32),
        "mine": "on" if form_value(values, "mine", 5) in {"on", "true"} else "",
    }
    return filters if any(filters.values()) else {}


def filters_in_url(path: str, filters: dict[str, str]) -> str:
    """The address of ``path`` with ``filters``: put in the address bar without a navigation,
    so a reload, a bookmark or a link to a colleague shows the same view."""
    query = urlencode({k: v for k, v in filters.items() if v})
    return f"{path}?{query}" if query else path


class StaffInboxState(PagingMixin, rx.State):
    """The handler's threads, filtered, a page at a time, with counts per status. The
    filters stay in the state, so paging keeps them, and in the address (``?status=``...),
    so a reload keeps them too."""

    counts: list[dict] = []  # {"key", "label", "n"}
    kinds: list[dict] = KINDS
    status_filters: list[dict] = STATUS_FILTERS
    queues: list[dict] = key_label_rows(QUEUE_LABELS.items())
    filters: dict[str, str] = {}  # what apply_filters read, as InboxFilters' fields
    # The filters the page was opened with (its query): the form's initial choices. Apart
    # from ``filters`` so that filtering does not re-mount the form under the user's focus.
    url_filters: dict[str, str] = {}

    @rx.event
    async def load(self):
        """The filters in the address, or open threads; oldest waiting first (guard:
        messages.handle)."""
        self.filters = read_filters(dict(self.router.url.query_parameters))
        self.url_filters = self.filters
        return await self._show(1)

    @rx.event
    @matrix_payload(form_data={"status": "open", "kind": "", "queue": "", "mine": ""})
    async def apply_filters(self, form_data: dict):
        """Filter the inbox, from its first page, and show the filters in the address
        (guard: messages.handle)."""
        self.filters = read_filters(form_data)
        refusal = await self._show(1)
        if refusal is not None:
            return refusal
        await ask_browser(self, "replace_url", filters_in_url(routes.STAFF_MESSAGES, self.filters))
        return None

    def _inbox_filters(self) -> InboxFilters:
        f = self.filters
        if not f:
            return InboxFilters()
        return InboxFilters(
            status=f.get("status", ""), queue=f.get("queue", ""), kind=f.get("kind", ""),
            mine=f.get("mine") == "on",
        )  # fmt: skip

    async def _show(self, page: int):
        filters = self._inbox_filters()
        _, found, refusal = await self._load_page(HANDLE, inbox.inbox, page, filters=filters)
        if refusal is not None:
            return refusal
        labels = statuses.STATUS_LABELS
        self.counts = [{"key": k, "label": labels[k], "n": n} for k, n in found.counts.items()]
        return None
