"""The front page's one service call gives the home card and the attention items the two
calls it replaced gave, and refuses whoever has no home page."""

from __future__ import annotations

import pytest

from heka_app.models import UserAccount
from heka_app.services.auth.actor import ANONYMOUS
from heka_app.services.auth.sessions import actor_for_account
from heka_app.services.common.results import NotAllowed
from heka_app.services.housing.attention import attention_for
from heka_app.services.housing.front_page import front_page
from heka_app.services.housing.home import home_overview
from tests.factories import build_world


def test_the_same_card_and_items_as_the_two_calls(session, now):
    world = build_world(session, now)
    kinds = set()
    for key in ("primary", "co_resident", "upcoming", "neighbour"):
        account = session.get(UserAccount, world.accounts[key])
        actor = actor_for_account(session=session, account=account, now=now)
        page = front_page(session=session, actor=actor, now=now, language="sv")
        assert page.home == home_overview(session=session, actor=actor, language="sv")
        assert page.attention == attention_for(session=session, actor=actor, now=now, language="sv")
        assert page.home is not None, key
        kinds |= {item.kind for item in page.attention}
    assert kinds == {"rent", "opens"}  # the primary's rent, the upcoming lease's dates


def test_staff_and_visitors_are_refused(session, now):
    world = build_world(session, now)
    staff = session.get(UserAccount, world.accounts["customer_service"])
    for actor in (ANONYMOUS, actor_for_account(session=session, account=staff, now=now)):
        with pytest.raises(NotAllowed):
            front_page(session=session, actor=actor, now=now, language="fi")
