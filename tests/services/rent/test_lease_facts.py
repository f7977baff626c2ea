"""/rent's lease read (``lease_facts_for``, one prebuilt statement) decides and answers as
``get_lease_for`` (the ORM lookup it replaced on the page) for every account and lease."""

from __future__ import annotations

from heka_app.services.common.results import NotAllowed, NotFound
from heka_app.services.rent.access import LeaseFacts, get_lease_for, lease_facts_for
from tests.factories import STAFF_ROLES, build_world
from tests.services.rent.helpers import actor


def _outcome(fn, **kwargs):
    try:
        return fn(**kwargs)
    except (NotAllowed, NotFound) as refusal:
        return type(refusal).__name__


def test_every_account_gets_the_lease_or_the_refusal_it_got_before(session, now):
    world = build_world(session, now)
    asked = [None, 0, 999_999, *world.leases.values()]
    outcomes = set()
    for who in ("primary", "co_resident", "upcoming", "neighbour", *STAFF_ROLES):
        someone = actor(session, world.accounts[who], now)
        for lease_id in asked:
            kwargs = {"session": session, "actor": someone, "lease_id": lease_id}
            old = _outcome(get_lease_for, **kwargs)
            new = _outcome(lease_facts_for, **kwargs)
            if not isinstance(old, str):
                old = LeaseFacts(old.id, old.contract_number, old.payment_reference)
            assert new == old, (who, lease_id)
            outcomes.add(old if isinstance(old, str) else (who, lease_id == old.id))
    assert {"NotAllowed", "NotFound", ("primary", False), ("rent_monitoring", True)} <= outcomes
