"""The front page's "what needs attention": one table of providers, one per feature.

A feature adds a kind by writing a provider (``(session, actor, now, language) -> list of
AttentionItem``) in its own package and one row in :data:`PROVIDERS`. A provider runs
only for actors its permission allows; for a lease that has not started, a permission
that is "not yet open" becomes one item saying when the feature opens.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from sqlmodel import Session

from heka_app.i18n import N_
from heka_app.i18n.catalogs import gettext
from heka_app.i18n.formatting import format_date
from heka_app.services.auth.actor import Actor
from heka_app.services.auth.authorization import NOT_YET_OPEN, authorize, require
from heka_app.services.content import permissions as content
from heka_app.services.content.attention import news_attention
from heka_app.services.faults import permissions as faults
from heka_app.services.faults.attention import faults_attention
from heka_app.services.household import permissions as household
from heka_app.services.household.attention import signature_attention
from heka_app.services.housing.attention_item import AttentionItem
from heka_app.services.housing.permissions import VIEW_HOME
from heka_app.services.messages import permissions as messages
from heka_app.services.messages.attention import replies_attention
from heka_app.services.rent import permissions as rent
from heka_app.services.rent.attention import rent_attention

Provider = Callable[[Session, Actor, dt.datetime, str], list[AttentionItem]]


@dataclasses.dataclass(frozen=True)
class Feature:
    """One row: who may see the kind, how its items are made, and its name for the
    "opens on" line of an upcoming lease."""

    permission: str
    provider: Provider | None
    name: str


PROVIDERS: tuple[Feature, ...] = (
    Feature(rent.VIEW, rent_attention, N_("Rent payments")),
    Feature(faults.REPORT, faults_attention, N_("Fault reports")),
    Feature(messages.SEND, replies_attention, N_("Messages to Heka")),
    Feature(content.READ, news_attention, N_("News")),
    # No name: a notice to confirm is no feature that "opens" with the lease.
    Feature(household.TERMINATE, signature_attention, ""),
)

OPENS_ON = N_("{feature} opens on {date}.")


def attention_for(
    *, session: Session, actor: Actor, now: dt.datetime, language: str
) -> tuple[AttentionItem, ...]:
    """What the actor should look at, most urgent first.

    Raises:
        NotAllowed: The actor has no home page (staff, anonymous).
    """
    require(actor, VIEW_HOME)
    items: list[AttentionItem] = []
    for feature in PROVIDERS:
        decision = authorize(actor, feature.permission)
        if decision.allowed and feature.provider is not None:
            items += feature.provider(session, actor, now, language)
        elif decision.reason == NOT_YET_OPEN and decision.opens_on is not None and feature.name:
            name = gettext(language, feature.name)
            items.append(
                AttentionItem(
                    kind="opens",
                    tone="info",
                    title=gettext(
                        language, OPENS_ON, feature=name,
                        date=format_date(decision.opens_on, language),
                    ),
                    detail="",
                    href="",
                )
            )  # fmt: skip
    order = {"danger": 0, "warning": 1, "info": 2, "success": 3}
    return tuple(sorted(items, key=lambda item: order.get(item.tone, 9)))
