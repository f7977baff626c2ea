"""The front page's data in one service call: the home card and "what needs attention".

``HomeState.load`` asked for them in two calls (two thread hops, two database sessions
and commits: issue 15, CPU per event); both only read, so one transaction serves both.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlmodel import Session

from heka_app.services.auth.actor import Actor
from heka_app.services.auth.authorization import require
from heka_app.services.housing.attention import attention_for
from heka_app.services.housing.attention_item import AttentionItem
from heka_app.services.housing.home import HomeView, home_overview
from heka_app.services.housing.permissions import VIEW_HOME


@dataclasses.dataclass(frozen=True)
class FrontPage:
    """The home card (None without a lease) and the attention items, most urgent first."""

    home: HomeView | None
    attention: tuple[AttentionItem, ...]


def front_page(*, session: Session, actor: Actor, now: dt.datetime, language: str) -> FrontPage:
    """What the front page shows for ``actor``, in ``language``.

    Raises:
        NotAllowed: The actor has no home page (staff, anonymous).
    """
    require(actor, VIEW_HOME)
    return FrontPage(
        home=home_overview(session=session, actor=actor, language=language),
        attention=attention_for(session=session, actor=actor, now=now, language=language),
    )
